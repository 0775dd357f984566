package org.hamkke.intake.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.HexFormat;
import org.hamkke.identity.SignedIn;
import org.hamkke.intake.Attachments;

/**
 * Downloads an application's attachment ({@code /files/attachment?id=N}) for its applicant, staff,
 * or a reviewer assigned without conflict. Anyone else, and any id that does not exist, gets the
 * same 404. Always a download with the type recognised at upload, never rendered inline, so a file
 * cannot run as a page of the portal. The name offered is the one the reader is shown on the page:
 * under blind review a reviewer gets "Attachment 1.pdf", never the applicant's own file name.
 */
@WebServlet("/files/attachment")
public class AttachmentServlet extends HttpServlet {

    @Inject
    Attachments attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        Long id = org.hamkke.shared.web.RequestParams.id(request.getParameter("id"));
        if (signedIn == null || id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean staff = request.isUserInRole("staff") || request.isUserInRole("admin");
        var download = attachments.forReader(id, signedIn.personId(), staff);
        if (download.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var file = download.get();
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.sizeBytes());
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        try {
            Files.copy(file.path(), response.getOutputStream());
        } catch (NoSuchFileException gone) {
            response.reset();
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
