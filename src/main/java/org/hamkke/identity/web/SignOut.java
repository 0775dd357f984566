package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hamkke.identity.OidcConfig;

/**
 * "Sign out" ends the portal session and then the Keycloak session (RP-initiated logout), so the
 * next "Sign in" really asks for a password again. A form post, so a link on another site cannot
 * sign anyone out.
 */
@Named
@RequestScoped
public class SignOut {

    @Inject
    OidcConfig config;

    @Inject
    OpenIdContext openId;

    public void signOut() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String idToken = idTokenOrNull();
        request.logout();
        external.invalidateSession();
        external.redirect(endSessionUrl(idToken));
        faces.responseComplete();
    }

    String endSessionUrl(String idToken) {
        StringBuilder url = new StringBuilder(config.getProviderUri())
                .append("/protocol/openid-connect/logout?client_id=")
                .append(encode(config.getClientId()))
                .append("&post_logout_redirect_uri=")
                .append(encode(config.getPostLogoutUri()));
        if (idToken != null) {
            url.append("&id_token_hint=").append(encode(idToken));
        }
        return url.toString();
    }

    private String idTokenOrNull() {
        try {
            return openId.getIdentityToken() == null ? null : openId.getIdentityToken().getToken();
        } catch (RuntimeException noContext) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
