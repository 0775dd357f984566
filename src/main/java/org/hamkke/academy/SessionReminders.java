package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamkke.identity.Allowed;
import org.hamkke.notification.NoticePreferences;
import org.hamkke.notification.NoticePreferences.ReminderLead;
import org.hamkke.shared.db.Rows;

/**
 * The portal's reminders of sessions, run by {@link SessionReminderJob}: everyone holding or offered
 * a seat hears of a session as long before it as they chose (a day unless they chose otherwise; two
 * days, two hours, or never), once per session and start. Safe to run again, or on two instances at
 * once: each reminder is claimed by one insert into {@code session_reminder} (the second finds it
 * taken, or waits for the first and then does), and the notice's own key backs the claim.
 */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class SessionReminders {

    @Inject
    EntityManager em;

    @Inject
    NoticePreferences preferences;

    @Inject
    AcademyNotices notices;

    /** A person who may need reminding of a session starting at a moment. */
    record Due(long sessionId, long personId, Instant startsAt) {}

    /**
     * Reminds everyone whose reminder time for a coming session has come and who was not reminded of
     * it yet. A session already begun is not reminded any more.
     *
     * @return how many were reminded now
     */
    public int remindDue(Instant now) {
        List<Due> candidates = Rows.list(em.createNativeQuery("""
                                select s.id as session_id, e.person_id, s.starts_at
                                from cohort_session s join enrolment e on e.cohort_id = s.cohort_id and e.status in ('CONFIRMED', 'OFFERED')
                                where s.status = 'SCHEDULED' and s.starts_at > ?1 and s.starts_at <= ?2
                                  and not exists (select 1 from session_reminder r
                                                  where r.session_id = s.id and r.person_id = e.person_id and r.starts_at = s.starts_at)
                                order by s.starts_at, s.id, e.person_id""")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, Timestamp.from(now.plus(ReminderLead.longest()))),
                r -> new Due(r.id("session_id"), r.id("person_id"), r.instant("starts_at")));
        if (candidates.isEmpty()) {
            return 0;
        }
        Map<Long, ReminderLead> leads = preferences.reminderLeads(candidates.stream().map(Due::personId).collect(Collectors.toSet()));
        List<Due> due = candidates.stream().filter(d -> {
            ReminderLead lead = leads.get(d.personId());
            return !lead.isOff() && !now.isBefore(d.startsAt().minus(lead.before()));
        }).toList();
        if (due.isEmpty()) {
            return 0;
        }
        List<Due> claimed = Rows.list(em.createNativeQuery("""
                                insert into session_reminder (session_id, person_id, starts_at, reminded_at)
                                select d.s, d.p, d.t, ?4
                                from unnest(cast(?1 as bigint[]), cast(?2 as bigint[]), cast(?3 as timestamptz[])) as d(s, p, t)
                                on conflict do nothing
                                returning session_id, person_id, starts_at""")
                        .setParameter(1, array(due.stream().map(d -> String.valueOf(d.sessionId()))))
                        .setParameter(2, array(due.stream().map(d -> String.valueOf(d.personId()))))
                        .setParameter(3, array(due.stream().map(d -> "\"" + d.startsAt() + "\"")))
                        .setParameter(4, Timestamp.from(now)),
                r -> new Due(r.id("session_id"), r.id("person_id"), r.instant("starts_at")));
        for (Due reminder : claimed) {
            notices.sessionReminder(em.find(Session.class, reminder.sessionId()), reminder.personId());
        }
        return claimed.size();
    }

    private static String array(java.util.stream.Stream<String> items) {
        return items.collect(Collectors.joining(",", "{", "}"));
    }
}
