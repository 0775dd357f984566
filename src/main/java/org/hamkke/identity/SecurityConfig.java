package org.hamkke.identity;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdConstant;

/**
 * Sign-in through Keycloak with Jakarta Security's OpenID Connect mechanism: authorization code
 * flow for a confidential client, with nonce (Jakarta Security 4.0 has no PKCE, so the Keycloak
 * client must not require it).
 *
 * <p>Keycloak puts the realm roles into a flat {@code groups} claim (a realm-role mapper on the
 * client); the container maps those groups to the declared roles one to one.
 *
 * <p>Soteria evaluates only immediate {@code ${...}} expressions here, and once: the values come
 * from the {@link OidcConfig} bean, never per request (so the login page's language follows the
 * browser, not a parameter).
 *
 * <p>{@code redirectToOriginalResource} stays false: true fails with a 500 on Payara
 * (eclipse-ee4j/soteria#333). The callback servlet sends the person on instead.
 */
@ApplicationScoped
@DeclareRoles({"applicant", "entrepreneur", "mentor", "reviewer", "staff", "admin"})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.providerUri}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${oidcConfig.redirectUri}",
        scope = {OpenIdConstant.OPENID_SCOPE, OpenIdConstant.EMAIL_SCOPE, OpenIdConstant.PROFILE_SCOPE},
        useNonce = true,
        useSession = true,
        redirectToOriginalResource = false,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        tokenAutoRefresh = true,
        tokenMinValidity = 10_000,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${oidcConfig.postLogoutUri}"))
public class SecurityConfig {}
