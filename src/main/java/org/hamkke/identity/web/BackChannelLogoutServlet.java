package org.hamkke.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;
import org.hamkke.identity.LogoutTokenVerifier.InvalidLogoutTokenException;
import org.hamkke.identity.LogoutTokenVerifier;
import org.hamkke.identity.SessionRevocations;

/**
 * Keycloak calls this, server to server, when a person's Keycloak session ends anywhere: signed
 * out in another application, ended by an administrator, user disabled. The matching portal
 * sessions end at their next request ({@link SessionRevocationFilter}). A token that does not pass
 * (forged, expired, for another client, replayed) gets 400 and changes nothing.
 */
@WebServlet("/oidc/backchannel-logout")
public class BackChannelLogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(BackChannelLogoutServlet.class.getName());

    @Inject
    SessionRevocations revocations;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        if (token == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            revocations.accept(token, Instant.now());
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (InvalidLogoutTokenException e) {
            LOG.warning(() -> "Refused a back-channel logout token: " + e.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
