package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Person;
import org.hamkke.notification.NoticeEvent;
import org.hamkke.notification.NoticeKind;
import org.hamkke.notification.NotificationService;

/**
 * What the incubation tells people, through the notification context, each in the recipient's
 * language: about mentors' assignments, the offer to the mentor; the answer, or the silence, to the
 * staff member who made it; the start of the mentoring and a "not a good fit" to the venture's
 * members and the other side. About milestones, new evidence to the venture's mentors and a grade
 * or its correction to the members. Each notice is keyed by its assignment, submission or grade
 * and its event, so it goes out exactly once however often the action or the job runs; called
 * inside the transaction of the change it reports.
 */
@ApplicationScoped
class IncubationNotices {

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    /** Days and moments in notices: the portal's zone (people have no zone of their own yet). */
    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String zone;

    void offered(MentorAssignment a) {
        tell(a.getMentorId(), a, NoticeKind.MENTOR_OFFERED, "/mentor/index.xhtml",
                language -> Map.of("expires", moment(a.getOfferExpiresAt(), language)));
    }

    void accepted(MentorAssignment a) {
        tellStaff(a, NoticeKind.MENTOR_ACCEPTED);
        for (long member : members(a.getVentureId())) {
            tell(member, a, NoticeKind.MENTOR_ACCEPTED, "/venture/index.xhtml", language -> Map.of());
        }
    }

    void declined(MentorAssignment a) {
        tellStaff(a, NoticeKind.MENTOR_DECLINED);
    }

    void expired(MentorAssignment a) {
        tellStaff(a, NoticeKind.MENTOR_OFFER_EXPIRED);
    }

    /** Everyone of the pairing hears it (the mentor, the members) and the staff member who made it. */
    void notAFit(MentorAssignment a) {
        tell(a.getMentorId(), a, NoticeKind.MENTOR_NOT_A_FIT, "/mentor/index.xhtml", language -> Map.of());
        for (long member : members(a.getVentureId())) {
            tell(member, a, NoticeKind.MENTOR_NOT_A_FIT, "/venture/index.xhtml", language -> Map.of());
        }
        tellStaff(a, NoticeKind.MENTOR_NOT_A_FIT);
    }

    private void tellStaff(MentorAssignment a, NoticeKind kind) {
        if (a.getOfferedBy() != null) {
            tell(a.getOfferedBy(), a, kind, "/staff/venture.xhtml?id=" + a.getVentureId(), language -> Map.of());
        }
    }

    private List<Long> members(long ventureId) {
        return em.createNativeQuery("select person_id from venture_member where venture_id = ?1 and person_id is not null order by person_id")
                .setParameter(1, ventureId)
                .getResultList()
                .stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    private void tell(long personId, MentorAssignment a, NoticeKind kind, String link,
            java.util.function.Function<String, Map<String, String>> extra) {
        Person mentor = em.find(Person.class, a.getMentorId());
        send(personId, kind, kind.key() + ":" + a.getId(), link, language -> {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("venture", ventureName(a.getVentureId()));
            data.put("mentor", name(mentor));
            data.put("starts", day(a.getStartsOn(), language));
            data.put("ends", day(a.getEndsOn(), language));
            data.put("note", a.getEndedNote() == null ? "" : a.getEndedNote());
            data.putAll(extra.apply(language));
            return data;
        });
    }

    /** Evidence for a milestone, to each mentor assigned to the venture now (once per submission). */
    void submitted(Milestone m, Submission s) {
        List<Long> mentors = em.createNativeQuery(
                        "select mentor_id from mentor_assignment where venture_id = ?1 and status = 'ACTIVE' order by mentor_id")
                .setParameter(1, m.getVentureId())
                .getResultList()
                .stream()
                .map(id -> ((Number) id).longValue())
                .toList();
        for (long mentor : mentors) {
            send(mentor, NoticeKind.MILESTONE_SUBMITTED, NoticeKind.MILESTONE_SUBMITTED.key() + ":" + s.getId(),
                    "/mentor/grade.xhtml?milestone=" + m.getId(), language -> Map.of("venture", ventureName(m.getVentureId()),
                            "milestone", m.getTitle().in(language), "number", String.valueOf(s.getNumber())));
        }
    }

    /** A grade, or a correction of one (with its reason), to each member of the venture (once per grade version). */
    void graded(Milestone m, Grade g) {
        NoticeKind kind = g.isCorrection() ? NoticeKind.MILESTONE_GRADE_CORRECTED : NoticeKind.MILESTONE_GRADED;
        String mentor = name(em.find(Person.class, g.getGraderId()));
        for (long member : members(m.getVentureId())) {
            send(member, kind, kind.key() + ":" + g.getId(), "/venture/milestones.xhtml?venture=" + m.getVentureId(), language -> {
                Map<String, String> data = new LinkedHashMap<>();
                data.put("venture", ventureName(m.getVentureId()));
                data.put("milestone", m.getTitle().in(language));
                data.put("mentor", mentor);
                data.put("outcomeKey", "milestone.outcome." + g.getOutcome().name());
                data.put("nextKey", "milestone.next." + g.getOutcome().name());
                data.put("reason", g.getCorrectionReason() == null ? "" : g.getCorrectionReason());
                return data;
            });
        }
    }

    /** One notice to one person, its data written in their language; the dedupe key makes it once. */
    private void send(long personId, NoticeKind kind, String dedupeKey, String link,
            java.util.function.Function<String, Map<String, String>> data) {
        Person person = em.find(Person.class, personId);
        String language = person == null || person.getLocale() == null ? "en" : person.getLocale();
        notifications.notify(new NoticeEvent(personId, kind, data.apply(language), dedupeKey, link));
    }

    private String ventureName(long ventureId) {
        Venture venture = em.find(Venture.class, ventureId);
        return venture == null ? "" : venture.getName();
    }

    private static String name(Person person) {
        return person == null ? "" : person.getDisplayName() == null || person.getDisplayName().isBlank()
                ? person.getUsername() : person.getDisplayName();
    }

    private static String day(LocalDate day, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)).format(day);
    }

    private String moment(Instant at, String language) {
        ZoneId portal = ZoneId.of(zone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(language))
                .format(at.atZone(portal));
    }
}
