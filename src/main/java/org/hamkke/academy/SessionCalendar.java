package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.shared.db.Rows;

/**
 * Staff's calendar of every cohort's sessions: the sessions of the days a calendar shows, filtered
 * by course, venue and instructor, in one statement whatever the number of cohorts (the
 * instructors' names are gathered inside it); and the choices its filters offer.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class SessionCalendar {

    /** The most sessions one view loads: a month of a very busy academy. */
    public static final int LIMIT = 2000;

    @Inject
    EntityManager em;

    /** What the calendar narrows to; null (or blank) for "any". */
    public record Filter(Long courseId, String venue, Long instructorId) implements Serializable {

        public static final Filter ANY = new Filter(null, null, null);
    }

    /** A session as the calendar shows and changes it. */
    public record Entry(
            long id, long version, String title, Instant startsAt, Instant endsAt, SessionStatus status, String cancelReason,
            long cohortId, String cohortLabel, LocalDate cohortStartsOn, LocalDate cohortEndsOn, String timeZone, long courseId,
            String courseTitleJson, Delivery delivery, String venue, String room, String instructors) implements Serializable {

        public boolean cancelled() {
            return status == SessionStatus.CANCELLED;
        }
    }

    /** Someone who teaches a cohort, for the instructor filter. */
    public record Teacher(long id, String name) implements Serializable {}

    /** The sessions that overlap [from, to), earliest first, at most {@link #LIMIT}. */
    public List<Entry> between(Instant from, Instant to, Filter filter) {
        return Rows.list(em.createNativeQuery("""
                                select s.id, s.version, s.title, s.starts_at, s.ends_at, s.status, s.cancel_reason,
                                       h.id as cohort_id, h.label, h.starts_on, h.ends_on, h.time_zone, h.course_id, c.title as course_title,
                                       h.delivery, h.venue, h.room,
                                       (select string_agg(coalesce(nullif(p.display_name, ''), p.username), ', '
                                                          order by lower(coalesce(nullif(p.display_name, ''), p.username)))
                                        from cohort_instructor i join person p on p.id = i.person_id where i.cohort_id = h.id) as instructors
                                from cohort_session s join cohort h on h.id = s.cohort_id join course c on c.id = h.course_id
                                where s.starts_at < ?2 and s.ends_at > ?1 and s.starts_at > cast(?1 as timestamptz) - interval '24 hours'
                                  and (?3 = 0 or h.course_id = ?3)
                                  and (?4 = '' or lower(btrim(h.venue)) = lower(btrim(?4)))
                                  and (?5 = 0 or exists (select 1 from cohort_instructor i where i.cohort_id = h.id and i.person_id = ?5))
                                order by s.starts_at, s.id
                                limit ?6""")
                        .setParameter(1, Timestamp.from(from))
                        .setParameter(2, Timestamp.from(to))
                        .setParameter(3, filter.courseId() == null ? 0L : filter.courseId())
                        .setParameter(4, filter.venue() == null ? "" : filter.venue().strip())
                        .setParameter(5, filter.instructorId() == null ? 0L : filter.instructorId())
                        .setParameter(6, LIMIT),
                r -> new Entry(r.id("id"), r.id("version"), r.text("title"), r.instant("starts_at"), r.instant("ends_at"),
                        r.constant(SessionStatus.class, "status"), r.text("cancel_reason"), r.id("cohort_id"), r.text("label"),
                        r.date("starts_on"), r.date("ends_on"), r.text("time_zone"), r.id("course_id"), r.text("course_title"),
                        r.constant(Delivery.class, "delivery"), r.text("venue"), r.text("room"), r.text("instructors")));
    }

    /** The venues cohorts meet at, each once (whatever its letter case), by name. */
    public List<String> venues() {
        return Rows.list(em.createNativeQuery("""
                        select min(btrim(venue)) as venue from cohort where venue is not null and btrim(venue) <> ''
                        group by lower(btrim(venue)) order by lower(btrim(venue)) limit 500"""),
                r -> r.text("venue"));
    }

    /** The people who teach a cohort, by name. */
    public List<Teacher> instructors() {
        return Rows.list(em.createNativeQuery("""
                        select p.id, coalesce(nullif(p.display_name, ''), p.username) as name from person p
                        where exists (select 1 from cohort_instructor i where i.person_id = p.id)
                        order by lower(coalesce(nullif(p.display_name, ''), p.username)), p.id limit 500"""),
                r -> new Teacher(r.id("id"), r.text("name")));
    }

    /** The time zones cohorts keep, for the calendar's clock. */
    public List<String> zones() {
        return Rows.list(em.createNativeQuery("select distinct time_zone from cohort order by time_zone limit 100"), r -> r.text("time_zone"));
    }
}
