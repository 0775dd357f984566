package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.Refused;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * A cohort's roster as staff work it: everyone who asked, in every status, paged, sorted and
 * filtered in the database (one statement for the count, one for the page); approving or declining
 * requests, cancelling with a reason, enrolling people in bulk, the CSV export, each learner's
 * attendance so far (joined in the same statements), and "complete now". Every action is
 * audited, takes the cohort's lock first and follows the entities' rules; a seat it frees goes to
 * the first in line in the same transaction.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Rosters {

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
    Completer completer;

    /** The cohort at the top of its roster, with how many are in each status. */
    public record Summary(long cohortId, long courseId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn,
            String timeZone, int capacity, int seatsTaken, boolean approvalRequired, Map<EnrolmentStatus, Long> counts, int held)
            implements java.io.Serializable {

        public long count(EnrolmentStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** One enrolment on the roster. */
    public record Row(long enrolmentId, long personId, String name, String email, EnrolmentStatus status, long position,
            Instant requestedAt, Instant offerExpiresAt, EndReason endedReason, String endedNote, long version, int attended)
            implements java.io.Serializable {

        /** The learner's sessions attended of those held so far ({@link Mark#attended}), for a roster whose summary says how many were held. */
        public AttendanceShare share(Summary summary) {
            return new AttendanceShare(attended, summary.held());
        }
    }

    /** What the roster shows: one status or all, and text found in the name or the e-mail address. */
    public record Filter(EnrolmentStatus status, String text) {}

    /** The orders the roster offers; each sorted in the database, the request order last so the order is total. */
    public enum Sort {
        /** Request order: the order of the waitlist. */
        REQUESTED("r.requested_seq"),
        NAME("lower(r.name)"),
        EMAIL("lower(r.email)"),
        STATUS("r.status_order");

        private final String key;

        Sort(String key) {
            this.key = key;
        }
    }

    /** Someone staff may enrol, found by name or address. */
    public record Candidate(long id, String name, String email) implements java.io.Serializable {}

    /** What a bulk enrolment came to, by name (or address, for those not found). */
    public record Bulk(List<String> confirmed, List<String> waitlisted, List<String> already, List<String> unknown)
            implements java.io.Serializable {}

    public Optional<Summary> summary(long cohortId) {
        return Rows.first(em.createNativeQuery("""
                                select h.id, h.course_id, c.title, h.label, h.starts_on, h.ends_on, h.time_zone, h.capacity, h.seats_taken,
                                       h.approval_required,
                                       (select count(*) from cohort_session s where s.cohort_id = h.id and s.status <> 'CANCELLED' and s.starts_at <= now()) as held,
                                       (select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb) from
                                          (select status, count(*) as n from enrolment where cohort_id = h.id group by status) s)::text as counts
                                from cohort h join course c on c.id = h.course_id where h.id = ?1""")
                        .setParameter(1, cohortId),
                r -> {
                    Map<EnrolmentStatus, Long> counts = new EnumMap<>(EnrolmentStatus.class);
                    try (var reader = org.hamkke.shared.JsonObjects.JSON.createReader(new java.io.StringReader(r.text("counts")))) {
                        reader.readObject().forEach((status, n) -> counts.put(EnrolmentStatus.valueOf(status),
                                ((jakarta.json.JsonNumber) n).longValue()));
                    }
                    return new Summary(r.id("id"), r.id("course_id"), r.text("title"), r.text("label"), r.date("starts_on"),
                            r.date("ends_on"), r.text("time_zone"), r.integer("capacity"), r.integer("seats_taken"),
                            r.flag("approval_required"), counts, r.integer("held"));
                });
    }

    /**
     * The cohort's enrolments with their person, place in line and sessions attended so far ({@code r}), for the count
     * and the page: one statement however many learners (the marks are counted per person in one pass, then joined).
     */
    private static final String ROSTER = """
            with held as (select s.id from cohort_session s where s.cohort_id = ?1 and s.status <> 'CANCELLED' and s.starts_at <= now()),
            marks as (select a.person_id, count(*) as attended from attendance a join held on held.id = a.session_id
                      where a.mark <> 'ABSENT' group by a.person_id),
            r as (
              select e.id, e.person_id, coalesce(nullif(p.display_name, ''), p.username) as name, coalesce(p.email, '') as email,
                     e.status, e.requested_at, e.offer_expires_at, e.ended_reason, e.ended_note, e.version, e.requested_seq,
                     coalesce(m.attended, 0) as attended,
                     case when e.status = 'WAITLISTED'
                          then row_number() over (partition by e.status = 'WAITLISTED' order by e.requested_seq) else 0 end as position,
                     case e.status when 'OFFERED' then 1 when 'REQUESTED' then 2 when 'CONFIRMED' then 3 when 'WAITLISTED' then 4
                                   when 'COMPLETED' then 5 else 6 end as status_order
              from enrolment e join person p on p.id = e.person_id left join marks m on m.person_id = e.person_id
              where e.cohort_id = ?1)
            """;

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.status() != null) {
            params.add(filter.status().name());
            where.append(" and r.status = ?").append(params.size());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            params.add("%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" and (lower(r.name) like ?").append(params.size()).append(" or lower(r.email) like ?").append(params.size()).append(")");
        }
        return where.toString();
    }

    public long count(long cohortId, Filter filter) {
        List<Object> params = new ArrayList<>(List.of(cohortId));
        var query = em.createNativeQuery(ROSTER + "select count(*) from r" + where(filter, params));
        bind(query, params);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** A page of the roster in the order asked, filtered in the database. */
    public List<Row> page(long cohortId, Filter filter, Sort sort, boolean ascending, int offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(cohortId));
        String where = where(filter, params);
        params.add(offset);
        params.add(limit);
        String direction = ascending ? "" : " desc";
        var query = em.createNativeQuery(ROSTER + "select r.* from r" + where + " order by " + sort.key + direction
                + ", r.requested_seq" + direction + " offset ?" + (params.size() - 1) + " limit ?" + params.size());
        bind(query, params);
        return Rows.list(query, Rosters::row);
    }

    /** One enrolment of the cohort as the roster shows it; empty for another cohort's, as for a missing one. */
    public Optional<Row> find(long cohortId, long enrolmentId) {
        return Rows.first(em.createNativeQuery(ROSTER + "select r.* from r where r.id = ?2").setParameter(1, cohortId).setParameter(2, enrolmentId),
                Rosters::row);
    }

    /** People whose name, username or address contains the text, for bulk enrolment (at most {@code max}). */
    public List<Candidate> candidates(String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Rows.list(em.createNativeQuery("""
                                select id, coalesce(nullif(display_name, ''), username) as name, coalesce(email, '') as email from person
                                where lower(coalesce(display_name, '')) like ?1 or lower(username) like ?1 or lower(coalesce(email, '')) like ?1
                                order by lower(coalesce(nullif(display_name, ''), username)), id limit ?2""")
                        .setParameter(1, like)
                        .setParameter(2, max),
                r -> new Candidate(r.id("id"), r.text("name"), r.text("email")));
    }

    /**
     * Every enrolment of the cohort, in request order, for the CSV export; the export itself is
     * audited (it is personal data leaving the portal).
     */
    public List<Row> export(Actor actor, long cohortId) {
        List<Row> rows = Rows.list(em.createNativeQuery(ROSTER + "select r.* from r order by r.requested_seq").setParameter(1, cohortId),
                Rosters::row);
        audit.record(actor, "cohort.roster.export", Cohorts.AUDIT_TYPE, String.valueOf(cohortId), rows.size() + " rows");
        return rows;
    }

    private static Row row(Rows.Row r) {
        return new Row(r.id("id"), r.id("person_id"), r.text("name"), r.text("email"), r.constant(EnrolmentStatus.class, "status"),
                r.id("position"), r.instant("requested_at"), r.instant("offer_expires_at"), r.constant(EndReason.class, "ended_reason"),
                r.text("ended_note"), r.id("version"), r.integer("attended"));
    }

    private static void bind(jakarta.persistence.Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    /**
     * Staff approve a request ({@link Cohort#approve}): a seat when one is free and nobody waits,
     * else the waitlist in the order of the request.
     *
     * @throws Refused "academy.changedMeanwhile" when the enrolment changed since the roster was shown
     * @throws EnrolmentStatus.IllegalMoveException when it is no longer a request
     */
    public void approve(Actor actor, long cohortId, long enrolmentId, long seenVersion) {
        Cohort cohort = lock(cohortId);
        Enrolment request = enrolment(cohortId, enrolmentId);
        request.requireSeen(seenVersion);
        Instant now = clock.instant();
        cohort.approve(request, seats.waiting(cohortId), now);
        seats.fill(cohort, now);
        seats.tell(request);
        audit.record(actor, "enrolment.approve", Cohorts.AUDIT_TYPE, String.valueOf(cohortId),
                "enrolment " + enrolmentId + " -> " + request.getStatus());
    }

    /** Staff decline a request, with an optional reason the person reads. */
    public void refuse(Actor actor, long cohortId, long enrolmentId, long seenVersion, String reason) {
        lock(cohortId);
        Enrolment request = enrolment(cohortId, enrolmentId);
        request.requireSeen(seenVersion);
        request.refuse(reason, clock.instant());
        notices.cancelled(request);
        audit.record(actor, "enrolment.refuse", Cohorts.AUDIT_TYPE, String.valueOf(cohortId), "enrolment " + enrolmentId);
    }

    /**
     * Staff cancel an enrolment with a reason the person reads ({@link Enrolment#cancel}); a seat it
     * frees is offered to the first in line.
     *
     * @throws Refused "academy.cancel.reasonRequired", "academy.changedMeanwhile"
     */
    public void cancel(Actor actor, long cohortId, long enrolmentId, long seenVersion, String reason) {
        Cohort cohort = lock(cohortId);
        Enrolment enrolment = enrolment(cohortId, enrolmentId);
        enrolment.requireSeen(seenVersion);
        EnrolmentStatus from = enrolment.getStatus();
        Instant now = clock.instant();
        enrolment.cancel(reason, now);
        notices.cancelled(enrolment);
        int offered = seats.fill(cohort, now);
        audit.record(actor, "enrolment.cancel", Cohorts.AUDIT_TYPE, String.valueOf(cohortId),
                "enrolment " + enrolmentId + " was " + from + (offered == 0 ? "" : ", seat offered to the next in line"));
    }

    /**
     * Staff enrol people at once ({@link Cohort#enrolByStaff}): the people picked, then the
     * addresses pasted, in that order. Each gets a seat while one is free, then a place on the
     * waitlist in the same order; someone already enrolled, or an address nobody has signed in
     * with, is reported and skipped. Everyone enrolled is told.
     *
     * @param emails addresses separated by lines, commas, semicolons or spaces ({@code <a@b.c>} as mail programs copy them)
     */
    public Bulk enrol(Actor actor, long cohortId, List<Long> personIds, String emails) {
        Cohort cohort = lock(cohortId);
        Map<Long, String> people = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        if (!personIds.isEmpty()) {
            Rows.list(em.createNativeQuery("""
                                    select id, coalesce(nullif(display_name, ''), username) as name from person
                                    where id = any(cast(?1 as bigint[])) order by array_position(cast(?1 as bigint[]), id)""")
                            .setParameter(1, Ids.array(personIds)),
                    r -> Map.entry(r.id("id"), r.text("name"))).forEach(e -> people.putIfAbsent(e.getKey(), e.getValue()));
        }
        for (String email : Cohort.invitations(emails)) {
            Optional<Map.Entry<Long, String>> found = Rows.first(em.createNativeQuery("""
                                    select id, coalesce(nullif(display_name, ''), username) as name from person where lower(email) = ?1
                                    order by last_login_at desc nulls last, id""")
                            .setParameter(1, email),
                    r -> Map.entry(r.id("id"), r.text("name")));
            if (found.isPresent()) {
                people.putIfAbsent(found.get().getKey(), found.get().getValue());
            } else {
                unknown.add(email);
            }
        }
        Instant now = clock.instant();
        List<String> confirmed = new ArrayList<>();
        List<String> waitlisted = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (var person : people.entrySet()) {
            if (seats.active(cohortId, person.getKey()).isPresent()) {
                already.add(person.getValue());
                continue;
            }
            Enrolment enrolment = cohort.enrolByStaff(person.getKey(), false, seats.waiting(cohortId), now);
            seats.persist(enrolment);
            seats.tell(enrolment);
            (enrolment.getStatus() == EnrolmentStatus.CONFIRMED ? confirmed : waitlisted).add(person.getValue());
        }
        audit.record(actor, "cohort.bulk-enrol", Cohorts.AUDIT_TYPE, String.valueOf(cohortId), confirmed.size() + " confirmed, "
                + waitlisted.size() + " waitlisted, " + already.size() + " already enrolled, " + unknown.size() + " not found");
        return new Bulk(confirmed, waitlisted, already, unknown);
    }

    /**
     * Staff complete, now, the cohort's confirmed learners who meet the course's rule ({@link Completer}),
     * as the scheduled job will once the cohort is over; the others stay confirmed.
     *
     * @return how many were completed
     */
    public int completeNow(Actor actor, long cohortId) {
        List<Long> done = completer.complete(cohortId, EnrolmentStatus.Mover.STAFF, clock.instant(), false);
        audit.record(actor, "cohort.complete", Cohorts.AUDIT_TYPE, String.valueOf(cohortId), done.size() + " completed by staff");
        return done.size();
    }

    /**
     * How many of the cohort's confirmed learners meet the course's rule now: what "complete now"
     * would complete. Two statements (the course, then every learner's standing in one).
     */
    public int qualifying(long courseId, long cohortId) {
        Course course = em.find(Course.class, courseId);
        return course == null ? 0 : (int) completer.standings(cohortId).stream().filter(s -> s.meets(course)).count();
    }

    private Cohort lock(long cohortId) {
        return seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
    }

    /** One of this cohort's enrolments; another cohort's is no more found than a missing one. */
    private Enrolment enrolment(long cohortId, long enrolmentId) {
        Enrolment enrolment = em.find(Enrolment.class, enrolmentId);
        if (enrolment == null || enrolment.getCohort().getId() != cohortId) {
            throw new IllegalArgumentException("No enrolment " + enrolmentId + " in cohort " + cohortId);
        }
        return enrolment;
    }
}
