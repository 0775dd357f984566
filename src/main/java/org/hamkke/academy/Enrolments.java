package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.Refused;
import org.hamkke.shared.db.Rows;

/**
 * A learner's own enrolments: enrolling, answering an offer, leaving, and "My learning". Every
 * method takes the person's id and touches only that person's rows: there is no way to name
 * someone else's enrolment here. Each change locks the cohort first and follows the entities'
 * rules ({@link Cohort#enrol}, {@link Enrolment#accept}, {@link Enrolment#decline},
 * {@link Enrolment#leave}); a seat it frees goes to the first in line in the same transaction
 * ({@link Seats}).
 */
@Allowed(signedIn = true)
@ApplicationScoped
@Transactional
public class Enrolments {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Seats seats;

    @Inject
    AcademyNotices notices;

    /** Who sees a cohort {@code h}: anyone a public one; the invited (?2) an invited-only one; and anyone who has (had) an enrolment in it. */
    private static final String VISIBLE = """
            h.visibility = 'PUBLIC'
            or exists (select 1 from cohort_invitation i join person p on lower(p.email) = i.email where i.cohort_id = h.id and p.id = ?2)
            or exists (select 1 from enrolment e where e.cohort_id = h.id and e.person_id = ?2)""";

    /** Where the person stands now: the status, their place in line when waiting, the offer's end when offered. */
    public record Standing(long enrolmentId, EnrolmentStatus status, long position, Instant offerExpiresAt, EndReason endedReason,
            String endedNote, Instant requestedAt) {}

    /** What accepting an offer came to. */
    public enum Accepted {
        /** The seat is theirs. */
        CONFIRMED,
        /** Too late: the offer's time was up, and the seat went to the next in line. */
        EXPIRED
    }

    /** One of the person's enrolments, as "My learning" lists it. */
    public record Learning(
            long enrolmentId, long cohortId, String courseTitleJson, String label, LocalDate startsOn, LocalDate endsOn, String timeZone,
            Delivery delivery, String venue, EnrolmentStatus status, long position, Instant offerExpiresAt, EndReason endedReason,
            int sessions, int sessionsHeld, int attended) {}

    /** A session coming up in one of the person's cohorts. */
    public record Upcoming(
            long sessionId, long cohortId, String courseTitleJson, String title, Instant startsAt, Instant endsAt, String timeZone,
            Delivery delivery, String venue, String room, String meetingLink) {}

    /**
     * The cohort as this person may see it: a public one, an invited-only one they are invited to,
     * or one they have (had) an enrolment in; empty otherwise, as for a cohort that does not exist.
     */
    public Optional<Catalog.CohortDetail> cohort(long personId, long cohortId) {
        return Catalog.detail(em, cohortId, VISIBLE, List.of(personId));
    }

    /** Whether the person may see the cohort ({@link #cohort}'s rule), in one statement: what a post needs before acting. */
    public boolean visible(long personId, long cohortId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from cohort h where h.id = ?1 and (" + VISIBLE + "))")
                .setParameter(1, cohortId)
                .setParameter(2, personId)
                .getSingleResult();
    }

    /** The person's latest enrolment in the cohort (the active one if any), with their place in line. */
    public Optional<Standing> standing(long personId, long cohortId) {
        return Rows.first(em.createNativeQuery("""
                                select e.id, e.status, e.offer_expires_at, e.ended_reason, e.ended_note, e.requested_at,
                                       case when e.status = 'WAITLISTED' then (select count(*) from enrolment w where w.cohort_id = e.cohort_id
                                            and w.status = 'WAITLISTED' and w.requested_seq <= e.requested_seq) else 0 end as position
                                from enrolment e where e.cohort_id = ?1 and e.person_id = ?2
                                order by (e.status <> 'CANCELLED') desc, e.id desc""")
                        .setParameter(1, cohortId)
                        .setParameter(2, personId),
                r -> new Standing(r.id("id"), r.constant(EnrolmentStatus.class, "status"), r.id("position"),
                        r.instant("offer_expires_at"), r.constant(EndReason.class, "ended_reason"), r.text("ended_note"),
                        r.instant("requested_at")));
    }

    /**
     * The person asks for a seat ({@link Cohort#enrol}): confirmed, waitlisted behind everyone who
     * asked before, or a request for staff to approve. They are told by notice.
     *
     * @param language the reader's language, to name a missing prerequisite course in it
     * @return where they stand now
     * @throws Refused why not (window, invitation, prerequisite, a second enrolment); nothing is stored
     * @throws IllegalArgumentException when there is no such cohort
     */
    public Standing enrol(long personId, long cohortId, String language) {
        // Read before the lock what the lock does not protect (invitations, completed courses, and
        // for the notice the person and the course, which stay in the persistence context): the
        // lock is then held for the seat's own few statements only.
        boolean invited = seats.invited(cohortId, personId);
        List<String> missing = missingPrerequisites(personId, cohortId, language);
        notices.prepare(personId, cohortId);
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        Instant now = clock.instant();
        Seats.Line line = seats.line(cohortId, personId);
        Enrolment enrolment = cohort.enrol(personId, new Cohort.Eligibility(line.enrolled(), invited, missing, line.waiting()), now);
        seats.persist(enrolment);
        int offered = seats.fill(cohort, now);
        // A new request goes to the end of the line: behind everyone waiting before it (unless seats
        // were just offered to some of them, then it is counted).
        long position = enrolment.getStatus() != EnrolmentStatus.WAITLISTED ? 0 : offered == 0 ? line.waiting() + 1 : seats.position(enrolment);
        seats.tell(enrolment, position);
        return new Standing(enrolment.getId(), enrolment.getStatus(), position, enrolment.getOfferExpiresAt(), null, null,
                enrolment.getRequestedAt());
    }

    /**
     * The person takes the seat offered to them ({@link Enrolment#accept}). Once the offer's time
     * is up it is passed on right here, as the job would, and they are told it came too late.
     *
     * @throws EnrolmentStatus.IllegalMoveException when nothing is offered to them (any more)
     */
    public Accepted accept(long personId, long cohortId) {
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        Enrolment enrolment = own(cohortId, personId);
        Instant now = clock.instant();
        if (enrolment.isOfferExpired(now)) {
            seats.expire(enrolment, cohort, now);
            return Accepted.EXPIRED;
        }
        enrolment.accept(now);
        seats.tell(enrolment);
        return Accepted.CONFIRMED;
    }

    /** The person lets the offered seat go ({@link Enrolment#decline}); the next in line is offered it. */
    public void decline(long personId, long cohortId) {
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        own(cohortId, personId).decline(clock.instant());
        seats.fill(cohort, clock.instant());
    }

    /**
     * The person leaves ({@link Enrolment#leave}): a request or the waitlist at any time, a seat
     * until the cohort starts. A seat freed goes to the first in line.
     *
     * @throws Refused "academy.leave.started"
     */
    public void leave(long personId, long cohortId) {
        Cohort cohort = seats.lock(cohortId).orElseThrow(() -> new IllegalArgumentException("No cohort " + cohortId));
        Instant now = clock.instant();
        own(cohortId, personId).leave(now);
        seats.fill(cohort, now);
    }

    /** The person's enrolments, the live ones first, each with its place in line or its offer. */
    public List<Learning> learning(long personId) {
        return Rows.list(em.createNativeQuery("""
                                select e.id, e.cohort_id, c.title, h.label, h.starts_on, h.ends_on, h.time_zone, h.delivery, h.venue, e.status,
                                       e.offer_expires_at, e.ended_reason,
                                       case when e.status = 'WAITLISTED' then (select count(*) from enrolment w where w.cohort_id = e.cohort_id
                                            and w.status = 'WAITLISTED' and w.requested_seq <= e.requested_seq) else 0 end as position,
                                       (select count(*) from cohort_session s where s.cohort_id = h.id and s.status <> 'CANCELLED') as sessions,
                                       (select count(*) from cohort_session s where s.cohort_id = h.id and s.status <> 'CANCELLED' and s.starts_at <= ?2) as held,
                                       (select count(*) from attendance a join cohort_session s on s.id = a.session_id
                                        where s.cohort_id = h.id and a.person_id = e.person_id and a.mark <> 'ABSENT'
                                          and s.status <> 'CANCELLED' and s.starts_at <= ?2) as attended
                                from enrolment e join cohort h on h.id = e.cohort_id join course c on c.id = h.course_id
                                where e.person_id = ?1
                                order by (e.status = 'CANCELLED'), h.starts_on desc, e.id desc""")
                        .setParameter(1, personId)
                        .setParameter(2, Timestamp.from(clock.instant())),
                r -> new Learning(r.id("id"), r.id("cohort_id"), r.text("title"), r.text("label"), r.date("starts_on"), r.date("ends_on"),
                        r.text("time_zone"), r.constant(Delivery.class, "delivery"), r.text("venue"),
                        r.constant(EnrolmentStatus.class, "status"), r.id("position"), r.instant("offer_expires_at"),
                        r.constant(EndReason.class, "ended_reason"), r.integer("sessions"), r.integer("held"), r.integer("attended")));
    }

    /** The next sessions of the cohorts where the person has a seat, soonest first. */
    public List<Upcoming> upcoming(long personId, int max) {
        return Rows.list(em.createNativeQuery("""
                                select s.id, s.cohort_id, c.title as course_title, s.title, s.starts_at, s.ends_at, h.time_zone, h.delivery,
                                       h.venue, h.room, h.meeting_link
                                from enrolment e join cohort h on h.id = e.cohort_id join course c on c.id = h.course_id
                                join cohort_session s on s.cohort_id = h.id
                                where e.person_id = ?1 and e.status = 'CONFIRMED' and s.ends_at > ?2
                                order by s.starts_at, s.id limit ?3""")
                        .setParameter(1, personId)
                        .setParameter(2, Timestamp.from(clock.instant()))
                        .setParameter(3, max),
                r -> new Upcoming(r.id("id"), r.id("cohort_id"), r.text("course_title"), r.text("title"), r.instant("starts_at"),
                        r.instant("ends_at"), r.text("time_zone"), r.constant(Delivery.class, "delivery"), r.text("venue"),
                        r.text("room"), r.text("meeting_link")));
    }

    /**
     * The prerequisite courses of the cohort's course that the person has not completed (in no
     * cohort of theirs), by title in the reader's language.
     */
    private List<String> missingPrerequisites(long personId, long cohortId, String language) {
        @SuppressWarnings("unchecked")
        List<Object> titles = em.createNativeQuery("""
                        select r.title from cohort h join course_prerequisite p on p.course_id = h.course_id join course r on r.id = p.required_id
                        where h.id = ?1 and not exists (
                          select 1 from enrolment e join cohort x on x.id = e.cohort_id
                          where x.course_id = p.required_id and e.person_id = ?2 and e.status = 'COMPLETED')
                        order by r.id""")
                .setParameter(1, cohortId)
                .setParameter(2, personId)
                .getResultList();
        LocalizedTextConverter texts = new LocalizedTextConverter();
        return titles.stream().map(t -> texts.convertToEntityAttribute(t).in(language)).toList();
    }

    /**
     * The person's active enrolment in the cohort, already under the cohort's lock.
     *
     * @throws EnrolmentStatus.IllegalMoveException as "nothing to act on" when they have none
     */
    private Enrolment own(long cohortId, long personId) {
        return seats.active(cohortId, personId)
                .orElseThrow(() -> new EnrolmentStatus.IllegalMoveException(EnrolmentStatus.CANCELLED, EnrolmentStatus.CANCELLED,
                        EnrolmentStatus.Mover.LEARNER));
    }
}
