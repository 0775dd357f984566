package org.hamkke.academy.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hamkke.academy.Certificates;
import org.hamkke.identity.SignedIn;
import org.hamkke.shared.web.RequestParams;

/**
 * A learner's own certificate, to keep: {@code /me/certificates/pdf?id=N}, the PDF in the language
 * it was issued in, and {@code /me/certificates/credential?id=N}, the signed Open Badges credential
 * as a file to hand to a wallet. Someone else's certificate, a revoked one, a missing one and an odd
 * id all answer 404, alike.
 *
 * <p>The PDF is drawn on request from what the certificate row keeps (the same words the
 * credential signed), not stored: it costs about 30 ms, nothing is kept twice, the PDF can never
 * disagree with the credential, and a better layout reaches every certificate already issued. It
 * is drawn outside any transaction, after the row is read.
 */
@WebServlet({CertificateDownloadServlet.PDF, CertificateDownloadServlet.CREDENTIAL})
public class CertificateDownloadServlet extends HttpServlet {

    static final String PDF = "/me/certificates/pdf";
    static final String CREDENTIAL = "/me/certificates/credential";

    @Inject
    Certificates certificates;

    @Inject
    CertificateRenderer renderer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        Long id = RequestParams.id(request.getParameter("id"));
        if (signedIn == null || id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var download = certificates.download(signedIn.personId(), id);
        if (download.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        String type;
        String file = "certificate-" + download.get().code();
        if (PDF.equals(request.getServletPath())) {
            body = renderer.render(download.get().content());
            type = "application/pdf";
            file += ".pdf";
        } else {
            body = download.get().credential().getBytes(StandardCharsets.US_ASCII);
            type = "application/vc+jwt";
            file += ".jwt";
        }
        response.setContentType(type);
        response.setContentLength(body.length);
        // The code is letters, digits and dashes only: the name needs no encoding.
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(body);
    }
}
