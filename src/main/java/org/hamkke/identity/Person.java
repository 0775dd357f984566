package org.hamkke.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hamkke.shared.BaseEntity;

/**
 * Someone who has signed in at least once. Keyed by the token's subject, never by e-mail (which a
 * person can change in Keycloak); name, e-mail and locale are refreshed at every sign-in.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.bySubject", query = "select p from Person p where p.subject = :subject")
public class Person extends BaseEntity {

    @Column(nullable = false, unique = true, updatable = false)
    private String subject;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    private String locale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected Person() {}

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    /** The name to greet the person with: their full name, else their username. */
    public String getDisplayName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
