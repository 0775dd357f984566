package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.hamkke.identity.OidcProvider;
import org.hamkke.identity.SignedIn;

/**
 * "Sign out" ends the portal session and then the Keycloak session (RP-initiated logout, with the
 * ID token as hint so Keycloak does not ask again), so the next "Sign in" really asks for a
 * password. A form post, so a link on another site cannot sign anyone out.
 */
@Named
@RequestScoped
public class SignOut {

    @Inject
    OidcProvider provider;

    public void signOut() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SignedIn signedIn = SignedIn.of(request);
        request.logout();
        external.invalidateSession();
        // Keycloak's address, built from configuration only: nothing of the request goes into it.
        external.redirect(provider.endSessionUri(signedIn == null ? null : signedIn.idToken()).toString());
        faces.responseComplete();
    }
}
