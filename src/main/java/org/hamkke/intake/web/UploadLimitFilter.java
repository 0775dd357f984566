package org.hamkke.intake.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hamkke.identity.Languages;
import org.hamkke.identity.web.LanguageFilter;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.SitePath;
import org.hamkke.intake.Attachments;

/**
 * Refuses a form with files that is larger than the portal takes before a byte of it is read:
 * status 413 and a page in the reader's language that says the limit and leads back to the form,
 * with {@code Connection: close} so the rest of the upload is not read either. The draft saved
 * before stays as it was.
 *
 * <p>Without this, the container reads a multipart post to the end (into temporary files) before
 * any of our code runs: 100 MB sent to a 10 MB question was read whole and only then refused, and
 * a post over the container's own ceiling ended in a bare 500. It runs before the area gate
 * (web.xml): a post refused there is rendered by Faces, which reads its parameters, so its body.
 * The listener closes the connection rather than skip more than the limit of a body nobody read
 * ({@code max-swallowing-input-bytes} in {@code src/main/payara/pre-boot.asadmin}).
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
        refuse(request, response, length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    /**
     * Writes the refusal page itself, in the reader's language. Not a Faces page: rendering one
     * makes CDI look for a conversation id among the request's parameters, on the container's own
     * request, and the container then reads the whole body to find them (tried: it read the 100 MB).
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        String language = LanguageFilter.languageOf(request);
        Locale locale = Locale.forLanguageTag(language);
        // Never the server's own locale as a fallback: English is the base bundle.
        ResourceBundle msg = ResourceBundle.getBundle("org.hamkke.i18n.Messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String limit = NumberFormat.getInstance(locale).format(maxFiles / (1024 * 1024));
        String context = request.getContextPath();
        String css = context + "/jakarta.faces.resource/css/hamkke.css.xhtml?ln=hamkke&v="
                + request.getServletContext().getInitParameter("org.omnifaces.VERSIONED_RESOURCE_HANDLER_VERSION");
        String page = "<!DOCTYPE html>\n<html lang=\"" + language + "\" dir=\"" + (Languages.isRightToLeft(language) ? "rtl" : "ltr") + "\">"
                + "<head><meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + html(msg.getString("error.tooLarge.title")) + " · " + html(msg.getString("app.name")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + html(css) + "\"/></head>"
                + "<body><main id=\"main\" class=\"wrap\"><section class=\"card error-page\" id=\"error\" data-error=\"error.tooLarge\">"
                + "<h1>" + html(msg.getString("error.tooLarge.title")) + "</h1>"
                + "<p id=\"limit\">" + html(PageMessages.format(locale, msg.getString("error.tooLarge.text"), limit)) + "</p>"
                + "<p><a class=\"button\" id=\"back\" href=\"" + html(context + back(request.getHeader("Referer"), context)) + "\">"
                + html(msg.getString("error.tooLarge.back")) + "</a></p>"
                + "</section></main></body></html>\n";
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
            return SitePath.sanitise(local);
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
