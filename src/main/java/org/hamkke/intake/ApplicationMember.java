package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A member of a collective applicant, with their consent. The e-mail address, when given, is kept
 * in lower case: it is how a reviewer or staff member who is a co-member is recognised
 * ({@link Conflicts}).
 */
@Entity
@Table(name = "application_member")
public class ApplicationMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    private String role;

    @Column(name = "consent_at")
    private Instant consentAt;

    private String email;

    protected ApplicationMember() {}

    ApplicationMember(Application application, int position) {
        this.application = application;
        this.position = position;
    }

    /** Sets what the applicant typed; consent is dated the first time it is given, and withdrawn when unticked. */
    void set(String name, String role, String email, boolean consent, Instant now) {
        this.name = name.strip();
        this.role = Application.trim(role);
        String address = Application.trim(email);
        this.email = address == null ? null : address.toLowerCase(Locale.ROOT);
        this.consentAt = consent ? (consentAt == null ? now : consentAt) : null;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public boolean hasConsented() {
        return consentAt != null;
    }

    public Instant getConsentAt() {
        return consentAt;
    }
}
