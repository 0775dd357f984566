package org.hamkke.intake.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamkke.identity.ReturnPath;
import org.hamkke.intake.Attachments;

/**
 * Refuses a form with files that is larger than the portal takes before a byte of it is read:
 * status 413 and a page in the reader's language that says the limit and leads back to the form,
 * with {@code Connection: close} so the rest of the upload is not read either. The draft saved
 * before stays as it was.
 *
 * <p>Without this, the container reads a multipart post to the end (into temporary files) before
 * any of our code runs: 100 MB sent to a 10 MB question was read whole and only then refused, and
 * a post over the container's own ceiling ended in a bare 500.
 *
 * <p>The limit is {@code hamkke.intake.attachment-max-bytes} for all files of one post together,
 * plus {@link #FORM_ALLOWANCE} for the form's other fields. A multipart post that does not say its
 * length (chunked) is refused with 411: browsers always send a form's length, and the body could
 * not be judged without reading it. What passes is still counted while it is stored
 * ({@link Attachments}).
 */
public class UploadLimitFilter extends HttpFilter {

    /** The form's other fields around the files: answers, members, view state. Generous: long answers in Arabic script take 2 bytes a character. */
    static final long FORM_ALLOWANCE = 1024 * 1024;

    static final String LIMIT_MB = "hamkke.upload.limitMb";
    static final String BACK = "hamkke.upload.back";
    private static final String PAGE = "/WEB-INF/errorpages/too-large.xhtml";

    @Inject
    Attachments attachments;

    private long maxFiles;

    @Override
    public void init() {
        maxFiles = attachments.maxBytes();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= maxFiles + FORM_ALLOWANCE) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(LIMIT_MB, maxFiles / (1024 * 1024));
        request.setAttribute(BACK, back(request.getHeader("Referer"), request.getContextPath()));
        request.getRequestDispatcher(PAGE).forward(new Unread(request), response);
    }

    /** The page the form came from, when the browser says and it is one of ours; else the home page. */
    static String back(String referer, String contextPath) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.startsWith(contextPath + "/")) {
                return "/";
            }
            String local = path.substring(contextPath.length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return ReturnPath.sanitise(local);
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }

    /**
     * The refused request as the page sees it: a GET without body or parameters. Faces asking for
     * a parameter of the post (is it a postback?) would make the container read the whole body to
     * find it; and rendered as the answer to a post, the page would be taken for a postback of
     * itself and fail on its missing state.
     */
    private static final class Unread extends HttpServletRequestWrapper {

        Unread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Nothing to read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(""));
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
