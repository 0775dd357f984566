package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hamkke.identity.Person;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;

/**
 * What the academy tells a learner, through the notification context, in their language: each
 * notice keyed by its enrolment and its event, so it goes out exactly once however often the
 * action or the job that causes it runs. Times are written in the cohort's zone (where the person
 * attends; people have no zone of their own yet), with the zone's name, so "until 14:00" says whose
 * 14:00. Called inside the transaction of the change the notice reports: it exists exactly when
 * the change committed. A session moved or cancelled is told to everyone holding or offered a seat;
 * a session's reminder to each of them, when their own lead time says ({@link SessionReminders}).
 */
@ApplicationScoped
class AcademyNotices {

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    /**
     * Reads, ahead of a change under the cohort's lock, what a notice about it will need and the
     * lock does not protect: the person (their language) and the cohort's course (its title).
     * Both stay in the transaction's persistence context, so the notice reads neither again while
     * the lock is held.
     */
    void prepare(long personId, long cohortId) {
        em.find(Person.class, personId);
        em.createQuery("select c from Course c where c.id = (select h.course.id from Cohort h where h.id = :cohort)", Course.class)
                .setParameter("cohort", cohortId)
                .getResultList();
    }

    void confirmed(Enrolment e) {
        send(e, NoticeKind.ENROLMENT_CONFIRMED, "enrolment-confirmed", language -> Map.of());
    }

    void waitlisted(Enrolment e, long position) {
        send(e, NoticeKind.ENROLMENT_WAITLISTED, "enrolment-waitlisted", language -> Map.of("position", String.valueOf(position)));
    }

    void requested(Enrolment e) {
        send(e, NoticeKind.ENROLMENT_REQUESTED, "enrolment-requested", language -> Map.of());
    }

    void offered(Enrolment e) {
        send(e, NoticeKind.SEAT_OFFERED, "seat-offered", language -> Map.of("expires", expires(e, language)));
    }

    void offerEnding(Enrolment e) {
        send(e, NoticeKind.OFFER_EXPIRING, "offer-expiring", language -> Map.of("expires", expires(e, language)));
    }

    void offerExpired(Enrolment e) {
        send(e, NoticeKind.OFFER_EXPIRED, "offer-expired", language -> Map.of());
    }

    /** Staff cancelled the enrolment, or declined the request: with their reason, when they gave one. */
    void cancelled(Enrolment e) {
        send(e, NoticeKind.ENROLMENT_CANCELLED, "enrolment-cancelled",
                language -> Map.of("reason", e.getEndedNote() == null ? "" : e.getEndedNote()));
    }

    /** The enrolment's certificate was issued: its code, and the address that verifies it (the QR code's too). */
    void certificateIssued(Enrolment e, String code, String verifyUrl) {
        send(e, NoticeKind.CERTIFICATE_ISSUED, "certificate-issued", language -> Map.of("code", code, "verify", verifyUrl),
                "/me/learning.xhtml");
    }

    /**
     * The session moved: everyone holding or offered a seat hears the old and the new time, once per
     * change (the key names the session and the version it was moved from).
     */
    void sessionMoved(Session s, long fromVersion, Instant wasStart, Instant wasEnd, List<Long> people) {
        for (long person : people) {
            tell(person, s, NoticeKind.SESSION_MOVED, "session-moved:" + s.getId() + ":" + fromVersion, language -> Map.of(
                    "was", span(wasStart, wasEnd, s.getCohort().zone(), language),
                    "when", span(s.getStartsAt(), s.getEndsAt(), s.getCohort().zone(), language)));
        }
    }

    /** The session is cancelled: everyone holding or offered a seat hears it, with the staff's reason, once. */
    void sessionCancelled(Session s, long fromVersion, List<Long> people) {
        for (long person : people) {
            tell(person, s, NoticeKind.SESSION_CANCELLED, "session-cancelled:" + s.getId() + ":" + fromVersion, language -> Map.of(
                    "when", span(s.getStartsAt(), s.getEndsAt(), s.getCohort().zone(), language),
                    "reason", s.getCancelReason()));
        }
    }

    /** The session is soon; once per person, session and start (a session moved later is reminded again). */
    void sessionReminder(Session s, long person) {
        tell(person, s, NoticeKind.SESSION_REMINDER, "session-reminder:" + s.getId() + ":" + s.getStartsAt().getEpochSecond(),
                language -> Map.of("when", span(s.getStartsAt(), s.getEndsAt(), s.getCohort().zone(), language)));
    }

    private void tell(long personId, Session s, NoticeKind kind, String key, Function<String, Map<String, String>> extra) {
        Person person = em.find(Person.class, personId);
        String language = person == null || person.getLocale() == null ? "en" : person.getLocale();
        Cohort cohort = s.getCohort();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("course", cohort.getCourse().getTitle().in(language));
        data.put("cohort", cohortName(cohort, language));
        data.put("session", s.getTitle() == null ? "" : s.getTitle());
        data.putAll(extra.apply(language));
        notifications.notify(new NoticeEvent(personId, kind, data, key, "/me/enrol.xhtml?cohort=" + cohort.getId()));
    }

    /**
     * A session's time in the person's language on the cohort's clock, the zone named:
     * "Tue, 4 May 2027, 18:00 – 20:00 (Western Indonesia Time)" (the end's day too when it differs).
     */
    static String span(Instant start, Instant end, ZoneId zone, String language) {
        Locale locale = locale(language);
        var from = start.atZone(zone);
        var to = end.atZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String ends = from.toLocalDate().equals(to.toLocalDate()) ? time.format(to) : date.format(to) + " " + time.format(to);
        return date.format(from) + ", " + time.format(from) + " – " + ends + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    private static String expires(Enrolment e, String language) {
        return moment(e.getOfferExpiresAt(), e.getCohort().zone(), language);
    }

    /** @param extra the event's own placeholders, written in the recipient's language */
    private void send(Enrolment e, NoticeKind kind, String event, Function<String, Map<String, String>> extra) {
        send(e, kind, event, extra, "/me/enrol.xhtml?cohort=" + e.getCohort().getId());
    }

    /** @param link the page the notice leads to */
    private void send(Enrolment e, NoticeKind kind, String event, Function<String, Map<String, String>> extra, String link) {
        Person person = em.find(Person.class, e.getPersonId());
        String language = person == null || person.getLocale() == null ? "en" : person.getLocale();
        Cohort cohort = e.getCohort();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("course", cohort.getCourse().getTitle().in(language));
        data.put("cohort", cohortName(cohort, language));
        data.put("starts", day(cohort.getStartsOn(), language));
        data.putAll(extra.apply(language));
        notifications.notify(new NoticeEvent(e.getPersonId(), kind, data, event + ":" + e.getId(), link));
    }

    /** The cohort as a person names it: its label, else its dates. */
    static String cohortName(Cohort cohort, String language) {
        if (cohort.getLabel() != null) {
            return cohort.getLabel();
        }
        return day(cohort.getStartsOn(), language) + " – " + day(cohort.getEndsOn(), language);
    }

    static String day(LocalDate day, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)).format(day);
    }

    /** A moment in the person's language and the cohort's zone, e.g. "12 déc. 2026, 14:00 (heure de Paris)". */
    static String moment(Instant moment, ZoneId zone, String language) {
        Locale locale = locale(language);
        var zoned = moment.atZone(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(zoned)
                + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? "en" : language);
    }
}
