package org.hamkke.identity;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's roles, one per Keycloak realm role. Keycloak puts the realm roles into a flat
 * {@code groups} claim (a realm-role mapper on the client); the sign-in mechanism
 * ({@code identity.web.OidcSignIn}) hands them to the container as groups, which maps them to
 * these roles one to one.
 */
@ApplicationScoped
@DeclareRoles({"applicant", "entrepreneur", "mentor", "reviewer", "staff", "admin"})
public class SecurityConfig {}
