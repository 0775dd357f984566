package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is and who the portal is to it, from MicroProfile Config (so an environment
 * variable such as {@code HAMKKE_OIDC_PROVIDER_URI} overrides the packaged default).
 *
 * <p>Read by the sign-in itself, before anyone is signed in. Not {@code @Named}: no page can
 * print the client secret through EL.
 */
@Allowed(anyone = true)
@ApplicationScoped
public class OidcConfig {

    @Inject
    @ConfigProperty(name = "hamkke.oidc.provider-uri", defaultValue = "http://localhost:8180/realms/hamkke")
    String providerUri;

    @Inject
    @ConfigProperty(name = "hamkke.oidc.client-id", defaultValue = "hamkke-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "hamkke.oidc.client-secret", defaultValue = "dev-only-not-a-secret")
    String clientSecret;

    /** The portal's public address as the browser sees it, without a trailing slash. */
    @Inject
    @ConfigProperty(name = "hamkke.portal.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getBaseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Exact redirect URI registered on the Keycloak client: no wildcards. */
    public String getRedirectUri() {
        return getBaseUrl() + "/callback";
    }

    public String getPostLogoutUri() {
        return getBaseUrl() + "/";
    }

    public URI getJwksUri() {
        return URI.create(providerUri + "/protocol/openid-connect/certs");
    }

    public URI getDiscoveryUri() {
        return URI.create(providerUri + "/.well-known/openid-configuration");
    }

    /** Keycloak's origin, allowed as a form target (sign-out posts end at Keycloak). */
    public String getProviderOrigin() {
        URI uri = URI.create(providerUri);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
