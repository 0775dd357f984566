package org.hamkke.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTemplatesTest {

    private static final Map<String, String> ENROLMENT = Map.of("course", "Bookkeeping for home-based workers", "cohort", "Jakarta, May 2027",
            "starts", "1 May 2027");

    private static Map<String, String> enrolment(String... more) {
        Map<String, String> data = new java.util.HashMap<>(ENROLMENT);
        for (int i = 0; i < more.length; i += 2) {
            data.put(more[i], more[i + 1]);
        }
        return data;
    }

    private static final Map<NoticeKind, Map<String, String>> SAMPLE_DATA = Map.ofEntries(
            Map.entry(NoticeKind.WELCOME, Map.of()),
            Map.entry(NoticeKind.ROLE_GRANTED, Map.of("roleKey", "role.reviewer")),
            Map.entry(NoticeKind.APPLICATION_DECISION, Map.of("call", "Green Cooperatives 2027", "decisionKey", "decision.accepted",
                    "message", "Welcome aboard.")),
            Map.entry(NoticeKind.DAILY_DIGEST, Map.of("date", "28 November 2026", "items", "First line\nSecond line")),
            Map.entry(NoticeKind.DRAFT_REMINDER, Map.of("call", "Green Cooperatives 2027", "closes", "1 Dec 2026, 23:59")),
            Map.entry(NoticeKind.REVIEW_REMINDER, Map.of("call", "Green Cooperatives 2027", "deadline", "5 Dec 2026, 17:00")),
            Map.entry(NoticeKind.REVIEW_REOPENED, Map.of("call", "Green Cooperatives 2027", "reason", "Scored against the old rubric")),
            Map.entry(NoticeKind.ENROLMENT_CONFIRMED, enrolment()),
            Map.entry(NoticeKind.ENROLMENT_WAITLISTED, enrolment("position", "3")),
            Map.entry(NoticeKind.ENROLMENT_REQUESTED, enrolment()),
            Map.entry(NoticeKind.SEAT_OFFERED, enrolment("expires", "3 May 2027, 14:00 (Western Indonesia Time)")),
            Map.entry(NoticeKind.OFFER_EXPIRING, enrolment("expires", "3 May 2027, 14:00 (Western Indonesia Time)")),
            Map.entry(NoticeKind.OFFER_EXPIRED, enrolment()),
            Map.entry(NoticeKind.ENROLMENT_CANCELLED, enrolment("reason", "Moved to the June cohort")),
            Map.entry(NoticeKind.CERTIFICATE_ISSUED, enrolment("code", "HK-7Q2M-9XFA-K3TD-WP8R",
                    "verify", "https://portal.example/verify.xhtml?code=HK-7Q2M-9XFA-K3TD-WP8R")),
            Map.entry(NoticeKind.SESSION_MOVED, enrolment("session", "", "was", "Tue 4 May 2027, 18:00 – 20:00 (Western Indonesia Time)",
                    "when", "Wed 5 May 2027, 18:00 – 20:00 (Western Indonesia Time)")),
            Map.entry(NoticeKind.SESSION_CANCELLED, enrolment("session", "", "when", "Tue 4 May 2027, 18:00 – 20:00 (Western Indonesia Time)",
                    "reason", "The hall is flooded")),
            Map.entry(NoticeKind.SESSION_REMINDER, enrolment("session", "", "when", "Tue 4 May 2027, 18:00 – 20:00 (Western Indonesia Time)")),
            Map.entry(NoticeKind.MENTOR_OFFERED, assignment("expires", "8 May 2027, 17:00")),
            Map.entry(NoticeKind.MENTOR_ACCEPTED, assignment()),
            Map.entry(NoticeKind.MENTOR_DECLINED, assignment()),
            Map.entry(NoticeKind.MENTOR_OFFER_EXPIRED, assignment()),
            Map.entry(NoticeKind.MENTOR_NOT_A_FIT, assignment()),
            Map.entry(NoticeKind.MILESTONE_SUBMITTED, Map.of("venture", "Sukamaju Garment Cooperative", "milestone", "First paying customer",
                    "number", "2")),
            Map.entry(NoticeKind.MILESTONE_GRADED, milestoneGrade("REVISION_REQUESTED", "")),
            Map.entry(NoticeKind.MILESTONE_GRADE_CORRECTED, milestoneGrade("PASSED", "I misread the invoice dates")));

    /** A milestone grade's placeholders ({@code IncubationNotices.graded}): the outcome and what comes next in the recipient's language. */
    private static Map<String, String> milestoneGrade(String outcome, String reason) {
        return Map.of("venture", "Sukamaju Garment Cooperative", "milestone", "First paying customer", "mentor", "Marie Diallo",
                "outcomeKey", "milestone.outcome." + outcome, "nextKey", "milestone.next." + outcome, "reason", reason);
    }

    /** A mentor's assignment's placeholders ({@code IncubationNotices}), and the event's own. */
    private static Map<String, String> assignment(String... extra) {
        Map<String, String> data = new java.util.HashMap<>(Map.of("venture", "Sukamaju Garment Cooperative", "mentor", "Marie Diallo",
                "starts", "1 May 2027", "ends", "31 October 2027", "note", "Our schedules do not meet"));
        for (int i = 0; i < extra.length; i += 2) {
            data.put(extra[i], extra[i + 1]);
        }
        return data;
    }

    /** Every kind renders in every language with every placeholder filled: a missing key fails here. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "fr", "id", "ur"})
    void everyKindRendersInEveryLanguage(String language) {
        for (NoticeKind kind : NoticeKind.values()) {
            var rendered = NoticeTemplates.render(kind, SAMPLE_DATA.get(kind), "Amina", NoticeTemplates.localeOf(language),
                    "https://portal.example/me/", "https://portal.example/me/notice-settings.xhtml");
            String all = rendered.subject() + rendered.text() + rendered.html();
            assertFalse(all.matches("(?s).*\\{[a-zA-Z]+}.*"), () -> kind + " in " + language + " left a placeholder: " + all);
            assertTrue(rendered.text().contains("Amina"), () -> kind + " in " + language + " greets the person");
            assertTrue(rendered.html().contains("href=\"https://portal.example/me/\""), "A link back");
            boolean rtl = language.equals("ar") || language.equals("ur");
            assertTrue(rendered.html().contains("dir=\"" + (rtl ? "rtl" : "ltr") + "\""), () -> language + " direction");
            assertTrue(rendered.html().contains("lang=\"" + language + "\""));
        }
    }

    @Test
    void translatedKeysAreShownInTheRecipientsLanguage() {
        var english = NoticeTemplates.render(NoticeKind.ROLE_GRANTED, Map.of("roleKey", "role.staff"), "A",
                NoticeTemplates.localeOf("en"), "x", "y");
        assertEquals("You can now work as programme staff", english.subject());
        var french = NoticeTemplates.render(NoticeKind.ROLE_GRANTED, Map.of("roleKey", "role.staff"), "A",
                NoticeTemplates.localeOf("fr"), "x", "y");
        assertFalse(french.subject().contains("programme staff"), french.subject());
    }

    @Test
    void valuesAreEscapedInHtmlButNotInText() {
        var rendered = NoticeTemplates.render(NoticeKind.APPLICATION_DECISION,
                Map.of("call", "<script>alert(1)</script>", "decisionKey", "decision.rejected", "message", "Tom & Jerry"),
                "<b>Eve</b>", NoticeTemplates.localeOf("en"), "https://p/\"x", "https://p/s");
        assertFalse(rendered.html().contains("<script>"));
        assertTrue(rendered.html().contains("&lt;script&gt;"));
        assertTrue(rendered.html().contains("Tom &amp; Jerry"));
        assertTrue(rendered.html().contains("&lt;b&gt;Eve&lt;/b&gt;"));
        assertTrue(rendered.html().contains("href=\"https://p/&quot;x\""));
        assertTrue(rendered.text().contains("Tom & Jerry"));
    }

    @Test
    void itemsBecomeAListInHtmlAndDashesInText() {
        var rendered = NoticeTemplates.render(NoticeKind.DAILY_DIGEST, SAMPLE_DATA.get(NoticeKind.DAILY_DIGEST), "A",
                NoticeTemplates.localeOf("en"), "x", "y");
        assertTrue(rendered.html().contains("<li>First line</li><li>Second line</li>"));
        assertTrue(rendered.text().contains("- First line\n- Second line"));
        assertFalse(rendered.html().contains("<p><ul"), "A list is not put inside a paragraph");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertEquals("Welcome to Hamkke",
                NoticeTemplates.subject(NoticeKind.WELCOME, Map.of(), "A", NoticeTemplates.localeOf("ko")));
        assertEquals("Welcome to Hamkke", NoticeTemplates.subject(NoticeKind.WELCOME, Map.of(), "A", NoticeTemplates.localeOf(null)));
    }

    @Test
    void mandatoryKindsCannotBeChosenAway() {
        assertTrue(NoticeKind.APPLICATION_DECISION.isMandatory());
        assertFalse(NoticeKind.WELCOME.isMandatory());
        assertFalse(NoticeKind.choosable().contains(NoticeKind.DAILY_DIGEST));
        for (NoticeKind kind : NoticeKind.values()) {
            assertEquals(kind, NoticeKind.fromKey(kind.key()));
        }
    }
}
