package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hamkke.academy.Bookings.Booking;
import org.hamkke.shared.db.DatabaseRefusal;
import org.hamkke.shared.db.Rows;

/**
 * Where the timetable's rule ({@link Bookings}) meets the database: the sessions already booked
 * that could collide with the proposed ones (read from the bookings the database keeps, V15, in one
 * statement however many sessions are proposed), the rule applied to them, and a clash named for
 * the page. Also recognises the database's own refusal (an exclusion constraint, SQLSTATE 23P01),
 * which only a race with another transaction can bring once the rule has passed.
 */
@ApplicationScoped
class Clashes {

    /** PostgreSQL's exclusion_violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

    @Inject
    EntityManager em;

    /**
     * Refuses the proposed bookings when one collides with a session already booked (its own
     * cohort's included, unless {@code exceptCohort} names it: a cohort changing its room or its
     * instructors moves all its sessions at once).
     *
     * @throws SessionClash naming the first session collided with
     */
    void check(List<Booking> proposed, Long exceptCohort) {
        if (proposed.isEmpty()) {
            return;
        }
        List<Booking> booked = candidates(proposed, exceptCohort);
        Optional<Bookings.Clash> clash = Bookings.firstClash(proposed, booked);
        if (clash.isPresent()) {
            throw new SessionClash(describe(clash.get().booked().sessionId(), clash.get().shared(), clash.get().instructor()).orElse(null));
        }
    }

    /** The first clash of the proposed bookings, named; empty when there is none (to explain the database's refusal after the fact). */
    Optional<SessionClash.Other> find(List<Booking> proposed, Long exceptCohort) {
        return Bookings.firstClash(proposed, candidates(proposed, exceptCohort))
                .flatMap(c -> describe(c.booked().sessionId(), c.shared(), c.instructor()));
    }

    /**
     * The scheduled sessions that overlap any proposed booking in time and share its room or one of
     * its people, read through the database's bookings (their GiST indexes), with what they book.
     * Flush mode COMMIT: the changes being checked must not reach the database (and its constraints)
     * before the rule has looked at them.
     */
    private List<Booking> candidates(List<Booking> proposed, Long exceptCohort) {
        String rooms = proposed.stream().map(Booking::roomKey).filter(k -> k != null).distinct()
                .map(Clashes::quoted).collect(Collectors.joining(",", "{", "}"));
        String people = Ids.array(proposed.stream().flatMap(b -> b.instructors().stream()).collect(Collectors.toSet()));
        String starts = proposed.stream().map(b -> b.startsAt().toString()).collect(Collectors.joining(",", "{", "}"));
        String ends = proposed.stream().map(b -> b.endsAt().toString()).collect(Collectors.joining(",", "{", "}"));
        return Rows.list(em.createNativeQuery("""
                                with wanted as (
                                  select tstzrange(w.s, w.e, '[)') as during
                                  from unnest(cast(?1 as timestamptz[]), cast(?2 as timestamptz[])) as w(s, e)),
                                hit as (
                                  select r.session_id from session_room r join wanted w on r.during && w.during
                                  where r.room_key = any(cast(?3 as text[]))
                                  union
                                  select i.session_id from session_instructor i join wanted w on i.during && w.during
                                  where i.person_id = any(cast(?4 as bigint[])))
                                select s.id, s.starts_at, s.ends_at, h.delivery, h.venue, h.room,
                                       (select string_agg(ci.person_id::text, ',') from cohort_instructor ci where ci.cohort_id = h.id) as people
                                from hit join cohort_session s on s.id = hit.session_id join cohort h on h.id = s.cohort_id
                                where s.status = 'SCHEDULED' and h.id <> ?5
                                order by s.starts_at, s.id""")
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter(1, starts)
                        .setParameter(2, ends)
                        .setParameter(3, rooms)
                        .setParameter(4, people)
                        .setParameter(5, exceptCohort == null ? 0L : exceptCohort),
                r -> new Booking(r.id("id"), r.instant("starts_at"), r.instant("ends_at"),
                        Cohort.roomKey(r.constant(Delivery.class, "delivery"), r.text("venue"), r.text("room")), people(r.text("people"))));
    }

    /** The session collided with, as a page names it: course, cohort, its time on its own clock, and the room or the person. */
    Optional<SessionClash.Other> describe(long sessionId, Bookings.Shared shared, Long instructor) {
        return Rows.first(em.createNativeQuery("""
                                select s.id, s.cohort_id, c.title, h.label, h.starts_on, h.ends_on, s.starts_at, s.ends_at, h.time_zone,
                                       concat_ws(' · ', h.venue, h.room) as place,
                                       (select coalesce(nullif(p.display_name, ''), p.username) from person p where p.id = ?2) as instructor
                                from cohort_session s join cohort h on h.id = s.cohort_id join course c on c.id = h.course_id
                                where s.id = ?1""")
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter(1, sessionId)
                        .setParameter(2, instructor == null ? 0L : instructor),
                r -> new SessionClash.Other(r.id("id"), r.id("cohort_id"), r.text("title"), r.text("label"), r.date("starts_on"),
                        r.date("ends_on"), r.instant("starts_at"), r.instant("ends_at"), r.text("time_zone"), shared == Bookings.Shared.ROOM, r.text("place"),
                        r.text("instructor")));
    }

    /** The bookings a cohort's sessions would make at these times, with its room and people as they are now. */
    static Booking booking(Cohort cohort, long sessionId, java.time.Instant start, java.time.Instant end) {
        return new Booking(sessionId, start, end, cohort.roomKey(), cohort.getInstructors());
    }

    /**
     * Runs a change; when the database refuses it because another transaction booked the same room
     * or person first (the rule passed, the race was lost), asks {@code explain}, in a transaction
     * of its own, which session won, and refuses with the same message as the rule would have.
     */
    static <T> T translated(Supplier<T> change, Supplier<Optional<SessionClash.Other>> explain) {
        try {
            return change.get();
        } catch (SessionClash clash) {
            throw clash;
        } catch (RuntimeException e) {
            if (!refusedByDatabase(e)) {
                throw e;
            }
            throw new SessionClash(explain.get().orElse(null));
        }
    }

    /** Whether the failure is the database's timetable constraint (V15) refusing a booking. */
    static boolean refusedByDatabase(Throwable failure) {
        return DatabaseRefusal.withState(failure, EXCLUSION_VIOLATION) || DatabaseRefusal.by(failure, "session_room_clash")
                || DatabaseRefusal.by(failure, "session_instructor_clash");
    }

    private static Set<Long> people(String list) {
        return list == null || list.isBlank() ? Set.of() : Arrays.stream(list.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
