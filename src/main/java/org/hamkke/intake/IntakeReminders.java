package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;
import org.hamkke.shared.retention.Housekeeper;

/**
 * Intake's reminders and clean-up. Applicants with an unsubmitted draft hear about it once before
 * the call closes; reviewers with a review not yet submitted hear about it once before the review
 * deadline (each keyed, so running twice reminds once). Drafts of calls closed long ago are
 * removed by the nightly housekeeping.
 */
@Allowed(portal = true)
@ApplicationScoped
@Transactional
public class IntakeReminders implements Housekeeper {

    static final Duration AHEAD = Duration.ofDays(3);

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.draft-age", defaultValue = "P30D")
    Duration draftAge;

    /** @return how many applicants were reminded now */
    public int remindDrafts(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select a.id, a.applicant_id, a.call_id, coalesce(c.title ->> p.locale, c.title ->> 'en'), c.closes_at, c.time_zone, p.locale
                        from application a join programme_call c on c.id = a.call_id join person p on p.id = a.applicant_id
                        where a.stage is null and c.closes_at > ?1 and c.closes_at <= ?2
                        """)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(AHEAD)))
                .getResultList();
        int reminded = 0;
        for (Object[] r : rows) {
            String when = format(((Timestamp) r[4]).toInstant(), (String) r[5], (String) r[6]);
            if (notifications.notify(new NoticeEvent(((Number) r[1]).longValue(), NoticeKind.DRAFT_REMINDER,
                    Map.of("call", (String) r[3], "closes", when), "draft-reminder:" + r[0], "/me/apply.xhtml?call=" + r[2]))) {
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * Reviewers with a review not yet submitted, on a call whose review deadline is within
     * {@link #AHEAD}: one notice per assignment, ever (its key). Not for an application that was
     * withdrawn, nor one the reviewer conflicts with (they will never review it).
     *
     * @return how many reviewers were reminded now
     */
    public int remindReviewers(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select ra.id, ra.reviewer_id, ra.application_id, coalesce(c.title ->> p.locale, c.title ->> 'en'),
                               c.review_deadline, c.time_zone, p.locale
                        from review_assignment ra join application a on a.id = ra.application_id
                        join programme_call c on c.id = a.call_id join person p on p.id = ra.reviewer_id
                        left join review r on r.assignment_id = ra.id
                        where (r.status is null or r.status = 'DRAFT') and a.stage <> 'WITHDRAWN' and not %s
                          and c.review_deadline > ?1 and c.review_deadline <= ?2
                        """.formatted(Conflicts.conflicted("ra.reviewer_id", "a")))
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(AHEAD)))
                .getResultList();
        int reminded = 0;
        for (Object[] r : rows) {
            String when = format(((Timestamp) r[4]).toInstant(), (String) r[5], (String) r[6]);
            if (notifications.notify(new NoticeEvent(((Number) r[1]).longValue(), NoticeKind.REVIEW_REMINDER,
                    Map.of("call", (String) r[3], "deadline", when), "review-reminder:" + r[0],
                    "/reviewer/review.xhtml?application=" + r[2]))) {
                reminded++;
            }
        }
        return reminded;
    }

    /** A date and time in the recipient's language and the call's zone, e.g. "12 déc. 2026, 23:59 (KST)". */
    static String format(Instant moment, String zone, String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        var zoned = moment.atZone(ZoneId.of(zone));
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(zoned)
                + " (" + zoned.getZone().getDisplayName(java.time.format.TextStyle.SHORT, locale) + ")";
    }

    @Override
    public String name() {
        return "expired drafts";
    }

    /** Drafts of calls closed more than hamkke.housekeeping.draft-age ago (30 days) were never submitted and never will be. */
    @Override
    public int clean(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(draftAge));
        em.createNativeQuery("""
                        delete from application_member where application_id in (
                          select a.id from application a join programme_call c on c.id = a.call_id
                          where a.stage is null and c.closes_at < ?1)
                        """)
                .setParameter(1, cutoff)
                .executeUpdate();
        return em.createNativeQuery("""
                        delete from application a using programme_call c
                        where c.id = a.call_id and a.stage is null and c.closes_at < ?1
                        """)
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
