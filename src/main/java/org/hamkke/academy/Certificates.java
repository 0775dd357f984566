package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.hamkke.academy.certificate.BitstringStatusList;
import org.hamkke.academy.certificate.CertificateContent;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Languages;
import org.hamkke.identity.Person;
import org.hamkke.identity.Role;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Completers' certificates: issuing them, staff's list and revocation, and a learner's own list and
 * downloads.
 *
 * <p><b>Issuing is idempotent, whoever triggers it and however many at once.</b> Three triggers
 * issue a certificate for a completed enrolment:
 *
 * <ol>
 *   <li>the completion itself: {@link EnrolmentCompleted} is observed here, inside the transaction
 *       that completed the enrolment, so the certificate commits (or not) with it;
 *   <li>the sweep ({@link CertificateSweepJob}), the backstop: any completed enrolment that has none
 *       (a completion written by hand, a failure of the first trigger) gets one;
 *   <li>staff, for a cohort: "issue missing certificates".
 * </ol>
 *
 * Each takes the cohort's row lock first, as every change of a cohort's enrolments does (a
 * completion holds it already, through V14's trigger), so the issuers of one cohort follow one
 * another and the later one finds the certificate there. The database holds it regardless: every
 * issue is one {@code insert ... on conflict do nothing} against V17's unique enrolment, so an
 * enrolment never has two certificates, and only the insert that wins tells the learner.
 */
@ApplicationScoped
@Transactional
public class Certificates {

    private static final Logger LOG = Logger.getLogger(Certificates.class.getName());

    /** The audit log's object type for a certificate. */
    public static final String AUDIT_TYPE = "certificate";

    /**
     * Certificates a status list holds before the next list is started: half its bits, so a random
     * free bit is found in a try or two and each certificate's bit hides among many (the Bitstring
     * Status List's group privacy).
     */
    static final int PER_LIST = BitstringStatusList.MIN_ENTRIES / 2;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 12;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Seats seats;

    @Inject
    AcademyNotices notices;

    @Inject
    AcademyCredentials credentials;

    /** Which trigger issued a certificate (kept with it). */
    enum Through {
        COMPLETION,
        SWEEP,
        STAFF
    }

    /** A cohort's certificates at a glance, for staff. */
    public record Summary(long cohortId, long courseId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn,
            long completed, long issued, long revoked, long missing) implements java.io.Serializable {}

    /** One certificate in staff's table. */
    public record Row(long id, long personId, String name, String email, String code, String language, Instant issuedAt,
            String issuedThrough, Instant revokedAt, String revokedReason, String revokedBy) implements java.io.Serializable {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** What staff's table shows: valid or revoked ones or all, and text found in the name, address or code. */
    public record Filter(Boolean revoked, String text) {}

    /** The orders staff's table offers, each sorted in the database, the id last so the order is total. */
    public enum Sort {
        ISSUED("x.issued_at"),
        NAME("lower(x.holder_name)"),
        CODE("x.code");

        private final String key;

        Sort(String key) {
            this.key = key;
        }
    }

    /** One of a learner's certificates, as "My learning" lists it. */
    public record Mine(long id, String code, String courseTitle, String cohortName, LocalDate startsOn, LocalDate endsOn,
            Instant issuedAt, String language, Instant revokedAt, String revokedReason) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** What a learner downloads: the PDF's content (rendered on request) and the signed credential. */
    public record Download(String code, CertificateContent content, String credential) {}

    // ---- issuing

    /**
     * The completion's trigger: the certificate joins the completing transaction. When the signing
     * key cannot be had (the database that keeps it is failing) the completion goes on without it,
     * before anything of the certificate is written, and the sweep issues it later.
     */
    void onCompleted(@Observes EnrolmentCompleted completed) {
        try {
            credentials.keys();
        } catch (RuntimeException e) {
            LOG.warning(() -> "No signing key for the certificate of enrolment " + completed.enrolmentId()
                    + " (" + e.getMessage() + "); the sweep will issue it");
            return;
        }
        issue(completed.enrolmentId(), Through.COMPLETION);
    }

    /** Completed enrolments that have no certificate, oldest first: the sweep's work. */
    @Allowed(portal = true)
    public List<Long> completedWithout(int max) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        select e.id from enrolment e where e.status = 'COMPLETED'
                        and not exists (select 1 from certificate c where c.enrolment_id = e.id) order by e.id limit ?1""")
                .setParameter(1, max)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * The sweep issues one enrolment's certificate, in a transaction of its own.
     *
     * @return whether this call issued it (false: it has one already, or is not completed)
     */
    @Allowed(portal = true)
    public boolean issueBySweep(long enrolmentId) {
        return issue(enrolmentId, Through.SWEEP);
    }

    /**
     * Staff issue the certificates a cohort's completers are missing, under the cohort's lock.
     *
     * @return how many this call issued
     * @throws IllegalArgumentException when there is no such cohort
     */
    @Allowed({Role.STAFF, Role.ADMIN})
    public int issueMissing(Actor actor, long cohortId) {
        seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        select e.id from enrolment e where e.cohort_id = ?1 and e.status = 'COMPLETED'
                        and not exists (select 1 from certificate c where c.enrolment_id = e.id) order by e.id""")
                .setParameter(1, cohortId)
                .getResultList();
        int issued = 0;
        for (Object id : ids) {
            if (issue(((Number) id).longValue(), Through.STAFF)) {
                issued++;
            }
        }
        audit.record(actor, "cohort.certificates.issue", Cohorts.AUDIT_TYPE, String.valueOf(cohortId),
                issued + " issued of " + ids.size() + " missing");
        return issued;
    }

    /**
     * Issues the enrolment's certificate unless it has one: what it certifies, in the learner's
     * language, with a new code and a free bit of a status list, signed, then inserted if no other
     * trigger got there first; only the insert that wins tells the learner.
     *
     * @return whether this call issued it
     */
    private boolean issue(long enrolmentId, Through through) {
        Enrolment enrolment = em.find(Enrolment.class, enrolmentId);
        if (enrolment == null || enrolment.getStatus() != EnrolmentStatus.COMPLETED) {
            return false;
        }
        // The completion may still sit in this transaction's memory: V17's check reads the row.
        em.flush();
        // Under the cohort's row lock, like every change of a cohort's enrolments: issuers of one
        // cohort follow one another (a completion holds the row already, through V14's trigger).
        // Without it, staff holding the lock could wait on a sweep's insert of the same enrolment
        // while the sweep's foreign-key check waited on staff's lock: a deadlock.
        seats.lock(enrolment.getCohort().getId());
        if (has(enrolmentId)) {
            return false;
        }
        Person person = em.find(Person.class, enrolment.getPersonId());
        String language = Optional.ofNullable(Languages.supportedOrNull(person.getLocale())).orElse(Languages.DEFAULT);
        Cohort cohort = enrolment.getCohort();
        Course course = cohort.getCourse();
        String holder = holderName(person);
        String title = course.getTitle().in(language);
        String cohortName = AcademyNotices.cohortName(cohort, language);
        Instant now = clock.instant();
        LocalDate issuedOn = LocalDate.ofInstant(now, cohort.zone());
        CredentialAddresses at = credentials.addresses();
        int list = 1 + (int) (count() / PER_LIST);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = CertificateCode.random();
            int index = RANDOM.nextInt(BitstringStatusList.MIN_ENTRIES);
            var content = new CertificateContent(holder, title, cohortName, cohort.getStartsOn(), cohort.getEndsOn(), issuedOn, code,
                    at.verify(code), at.course(course.getId()), Locale.forLanguageTag(language));
            String credential = credentials.sign(content, list, index, now);
            @SuppressWarnings("unchecked")
            List<Object> inserted = em.createNativeQuery("""
                            insert into certificate (enrolment_id, person_id, cohort_id, code, credential_id, language, holder_name, course_title,
                                                     cohort_name, starts_on, ends_on, issued_at, issued_through, status_list, status_index, credential)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                            on conflict do nothing returning id""")
                    .setParameter(1, enrolmentId)
                    .setParameter(2, enrolment.getPersonId())
                    .setParameter(3, cohort.getId())
                    .setParameter(4, code)
                    .setParameter(5, content.credentialId().toString())
                    .setParameter(6, language)
                    .setParameter(7, holder)
                    .setParameter(8, title)
                    .setParameter(9, cohortName)
                    .setParameter(10, Date.valueOf(cohort.getStartsOn()))
                    .setParameter(11, Date.valueOf(cohort.getEndsOn()))
                    .setParameter(12, Timestamp.from(now))
                    .setParameter(13, through.name())
                    .setParameter(14, list)
                    .setParameter(15, index)
                    .setParameter(16, credential)
                    .getResultList();
            if (!inserted.isEmpty()) {
                notices.certificateIssued(enrolment, code, at.verify(code).toString());
                return true;
            }
            if (has(enrolmentId)) {
                // Another trigger issued it meanwhile (this insert waited for it, then did nothing).
                return false;
            }
            // Otherwise the bit (or, once in 2^80, the code) was taken: another draw.
        }
        throw new IllegalStateException("No free status bit for enrolment " + enrolmentId + " after " + ATTEMPTS + " draws");
    }

    /** The name printed: the person's display name (their username when they gave none), at most 300 characters. */
    static String holderName(Person person) {
        String name = person.getDisplayName() == null || person.getDisplayName().isBlank() ? person.getUsername() : person.getDisplayName().strip();
        if (name.length() <= 300) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(299)) ? 299 : 300;
        return name.substring(0, end);
    }

    private boolean has(long enrolmentId) {
        return !em.createNativeQuery("select 1 from certificate where enrolment_id = ?1").setParameter(1, enrolmentId).getResultList().isEmpty();
    }

    private long count() {
        return ((Number) em.createNativeQuery("select count(*) from certificate").getSingleResult()).longValue();
    }

    // ---- staff

    @Allowed({Role.STAFF, Role.ADMIN})
    public Optional<Summary> summary(long cohortId) {
        return Rows.first(em.createNativeQuery("""
                                select h.id, h.course_id, c.title, h.label, h.starts_on, h.ends_on,
                                       (select count(*) from enrolment e where e.cohort_id = h.id and e.status = 'COMPLETED') as completed,
                                       (select count(*) from certificate x where x.cohort_id = h.id) as issued,
                                       (select count(*) from certificate x where x.cohort_id = h.id and x.revoked_at is not null) as revoked,
                                       (select count(*) from enrolment e where e.cohort_id = h.id and e.status = 'COMPLETED'
                                          and not exists (select 1 from certificate x where x.enrolment_id = e.id)) as missing
                                from cohort h join course c on c.id = h.course_id where h.id = ?1""")
                        .setParameter(1, cohortId),
                r -> new Summary(r.id("id"), r.id("course_id"), r.text("title"), r.text("label"), r.date("starts_on"), r.date("ends_on"),
                        r.id("completed"), r.id("issued"), r.id("revoked"), r.id("missing")));
    }

    private static final String TABLE = """
            select x.id, x.person_id, x.holder_name, coalesce(p.email, '') as email, x.code, x.language, x.issued_at, x.issued_through,
                   x.revoked_at, x.revoked_reason, coalesce(nullif(r.display_name, ''), r.username) as revoked_by
            from certificate x join person p on p.id = x.person_id left join person r on r.id = x.revoked_by
            where x.cohort_id = ?1""";

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.revoked() != null) {
            where.append(filter.revoked() ? " and x.revoked_at is not null" : " and x.revoked_at is null");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            params.add("%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            String p = "?" + params.size();
            where.append(" and (lower(x.holder_name) like ").append(p).append(" or lower(coalesce(p.email, '')) like ").append(p)
                    .append(" or lower(x.code) like ").append(p).append(")");
        }
        return where.toString();
    }

    @Allowed({Role.STAFF, Role.ADMIN})
    public long count(long cohortId, Filter filter) {
        List<Object> params = new ArrayList<>(List.of(cohortId));
        var query = em.createNativeQuery("select count(*) from (" + TABLE + where(filter, params) + ") t");
        bind(query, params);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** A page of the cohort's certificates in the order asked, filtered in the database. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public List<Row> page(long cohortId, Filter filter, Sort sort, boolean ascending, int offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(cohortId));
        String where = where(filter, params);
        params.add(offset);
        params.add(limit);
        String direction = ascending ? "" : " desc";
        var query = em.createNativeQuery(TABLE + where + " order by " + sort.key + direction + ", x.id" + direction
                + " offset ?" + (params.size() - 1) + " limit ?" + params.size());
        bind(query, params);
        return Rows.list(query, Certificates::row);
    }

    /** One certificate of the cohort; another cohort's is no more found than a missing one. */
    @Allowed({Role.STAFF, Role.ADMIN})
    public Optional<Row> find(long cohortId, long certificateId) {
        return Rows.first(em.createNativeQuery(TABLE + " and x.id = ?2").setParameter(1, cohortId).setParameter(2, certificateId),
                Certificates::row);
    }

    /**
     * Staff revoke one of the cohort's certificates with a reason ({@link Certificate#revoke}); from
     * the commit on, its bit is set in the status list and every verification says so. Audited.
     *
     * @throws Refused "academy.revoke.reasonRequired", a text problem, "academy.revoke.alreadyRevoked"
     * @throws IllegalArgumentException when the cohort has no such certificate
     */
    @Allowed({Role.STAFF, Role.ADMIN})
    public void revoke(Actor actor, long cohortId, long certificateId, String reason) {
        // The row lock orders two staff revoking the same certificate: the second finds it revoked.
        boolean found = !em.createNativeQuery("select id from certificate where id = ?1 and cohort_id = ?2 for update")
                .setParameter(1, certificateId)
                .setParameter(2, cohortId)
                .getResultList()
                .isEmpty();
        if (!found) {
            throw new IllegalArgumentException("No certificate " + certificateId + " in cohort " + cohortId);
        }
        Certificate certificate = em.find(Certificate.class, certificateId);
        certificate.revoke(reason, actor.personId(), clock.instant());
        em.flush();
        audit.record(actor, "certificate.revoke", AUDIT_TYPE, String.valueOf(certificateId),
                certificate.getCode() + " (cohort " + cohortId + "): " + certificate.getRevokedReason());
    }

    private static Row row(Rows.Row r) {
        return new Row(r.id("id"), r.id("person_id"), r.text("holder_name"), r.text("email"), r.text("code"), r.text("language"),
                r.instant("issued_at"), r.text("issued_through"), r.instant("revoked_at"), r.text("revoked_reason"), r.text("revoked_by"));
    }

    private static void bind(jakarta.persistence.Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    // ---- the learner's own

    /** The person's certificates, newest first. */
    @Allowed(signedIn = true)
    public List<Mine> mine(long personId) {
        return Rows.list(em.createNativeQuery("""
                                select id, code, course_title, cohort_name, starts_on, ends_on, issued_at, language, revoked_at, revoked_reason
                                from certificate where person_id = ?1 order by issued_at desc, id desc""")
                        .setParameter(1, personId),
                r -> new Mine(r.id("id"), r.text("code"), r.text("course_title"), r.text("cohort_name"), r.date("starts_on"),
                        r.date("ends_on"), r.instant("issued_at"), r.text("language"), r.instant("revoked_at"), r.text("revoked_reason")));
    }

    /**
     * One of the person's own certificates, to download: its PDF's content and its credential.
     * Empty for someone else's, a missing one, and a revoked one (no longer handed out), alike.
     */
    @Allowed(signedIn = true)
    public Optional<Download> download(long personId, long certificateId) {
        CredentialAddresses at = credentials.addresses();
        return Rows.first(em.createNativeQuery("""
                                select x.code, x.holder_name, x.course_title, x.cohort_name, x.starts_on, x.ends_on, x.issued_at, x.language,
                                       x.credential, h.time_zone, h.course_id
                                from certificate x join cohort h on h.id = x.cohort_id
                                where x.id = ?1 and x.person_id = ?2 and x.revoked_at is null""")
                        .setParameter(1, certificateId)
                        .setParameter(2, personId),
                r -> new Download(r.text("code"), new CertificateContent(r.text("holder_name"), r.text("course_title"), r.text("cohort_name"),
                        r.date("starts_on"), r.date("ends_on"), LocalDate.ofInstant(r.instant("issued_at"), ZoneId.of(r.text("time_zone"))),
                        r.text("code"), at.verify(r.text("code")), at.course(r.id("course_id")), Locale.forLanguageTag(r.text("language"))),
                        r.text("credential")));
    }
}
