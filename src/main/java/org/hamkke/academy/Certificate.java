package org.hamkke.academy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * A completer's certificate: what it certifies (kept as it was printed and signed), its
 * verification code, its bit in a revocation list, and the signed Open Badges credential.
 *
 * <p>It is issued once per enrolment, by whichever trigger comes first ({@link Certificates}: the
 * completion's event, the sweep job, staff), and never changes afterwards but for one move:
 * {@link #revoke}, which staff make with a reason the verification page shows. The database holds
 * both rules too (V17: a unique enrolment, and a trigger refusing any other change).
 */
@Entity
@Table(name = "certificate")
public class Certificate extends BaseEntity {

    static final int REASON_LENGTH = 1000;

    @Column(name = "enrolment_id", nullable = false, updatable = false)
    private long enrolmentId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "cohort_id", nullable = false, updatable = false)
    private long cohortId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "credential_id", nullable = false, updatable = false)
    private String credentialId;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "holder_name", nullable = false, updatable = false)
    private String holderName;

    @Column(name = "course_title", nullable = false, updatable = false)
    private String courseTitle;

    @Column(name = "cohort_name", nullable = false, updatable = false)
    private String cohortName;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false, updatable = false)
    private LocalDate endsOn;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "status_list", nullable = false, updatable = false)
    private int statusList;

    @Column(name = "status_index", nullable = false, updatable = false)
    private int statusIndex;

    @Column(nullable = false, updatable = false)
    private String credential;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revoked_reason")
    private String revokedReason;

    protected Certificate() {}

    /**
     * Staff revoke the certificate: its bit in the status list is set from now on, so every
     * verifier (the portal's page, a wallet reading the list) says it is revoked, with this reason
     * on the portal's page. Once only: a revoked certificate stays revoked.
     *
     * @param by the person revoking it
     * @throws Refused "academy.revoke.reasonRequired", a text problem of the reason, or
     *     "academy.revoke.alreadyRevoked"
     */
    void revoke(String reason, Long by, Instant now) {
        if (isRevoked()) {
            throw new Refused("academy.revoke.alreadyRevoked");
        }
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw new Refused("academy.revoke.reasonRequired");
        }
        StorableText.problem(trimmed, REASON_LENGTH).ifPresent(key -> {
            throw new Refused(key, String.valueOf(REASON_LENGTH));
        });
        revokedAt = now;
        revokedBy = by;
        revokedReason = trimmed;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public long getEnrolmentId() {
        return enrolmentId;
    }

    public long getPersonId() {
        return personId;
    }

    public long getCohortId() {
        return cohortId;
    }

    public String getCode() {
        return code;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getLanguage() {
        return language;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getCourseTitle() {
        return courseTitle;
    }

    public String getCohortName() {
        return cohortName;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public int getStatusList() {
        return statusList;
    }

    public int getStatusIndex() {
        return statusIndex;
    }

    public String getCredential() {
        return credential;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Long getRevokedBy() {
        return revokedBy;
    }

    public String getRevokedReason() {
        return revokedReason;
    }
}
