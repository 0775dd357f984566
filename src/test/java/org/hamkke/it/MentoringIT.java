package org.hamkke.it;

import static org.hamkke.it.Pages.click;
import static org.hamkke.it.Pages.clickAt;
import static org.hamkke.it.Pages.messages;
import static org.hamkke.it.Pages.seen;
import static org.hamkke.it.Pages.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mentors and their assignments through the real stack and pages (issue 13): a mentor writes their
 * profile; staff describe a venture's needs, see the mentors ranked with every score's reasons and
 * offer the best; the mentor is told in French and accepts; staff and the venture's member are
 * told; the mentor, now at their cap, is no longer offered for another venture; the member ends
 * the pairing as not a good fit, with a reason, and everyone is told. Then the database holding
 * the cap by itself, bad input, and who may open which page.
 */
class MentoringIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    @Test
    void staffOfferTheBestRankedMentorWhoAcceptsAndAMemberEndsThePairing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String mentor = people.create("fr", "mentor");
        String member = people.create("en", "entrepreneur");
        long mentorId = Db.count("select id from person where username = ?", mentor);
        long memberId = Db.count("select id from person where username = ?", member);
        long call = IntakeData.call("Mentoring call " + tag, false);
        String weavers = "Weavers " + tag;
        long venture = IncubationData.venture(call, memberId, weavers, "", "", "Dakar", true);
        long potters = IncubationData.venture(call, IntakeData.person("Potter " + tag, null, ""), "Potters " + tag, "finance", "french",
                "Dakar", true);

        // The mentor writes their profile (the page is in French, their language).
        try (Visitor m = new Visitor()) {
            m.open("/mentor/profile.xhtml");
            HtmlPage profile = m.submitKeycloakLogin(mentor, TestPeople.PASSWORD);
            type(profile, "profile:expertise", "Finance, cooperative  Governance");
            type(profile, "profile:languages", "French, Wolof");
            type(profile, "profile:region", "Dakar");
            profile.<HtmlSelect>getHtmlElementById("profile:mode").setSelectedAttribute("IN_PERSON", true);
            type(profile, "profile:cap", "1");
            HtmlPage saved = click(profile, "profile:save");
            assertTrue(messages(saved).contains("Votre profil est enregistré."), seen(saved));
            assertEquals("{\"cooperative governance\",finance}", Db.text("select expertise::text from mentor_profile where person_id = ?", mentorId));
        }

        // Staff describe what the venture needs, read the ranked mentors and offer this one.
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage page = staff.open("/staff/venture.xhtml?id=" + venture);
            assertTrue(page.getElementById("assignments-empty") != null, "No mentor yet");
            type(page, "needsForm:needs", "finance, marketing");
            type(page, "needsForm:languages", "French");
            page = click(page, "needsForm:saveNeeds");
            assertTrue(messages(page).contains("The venture's needs are saved."), seen(page));
            HtmlElement row = page.getFirstByXPath("//table[@id='ranked']//tr[@data-mentor='" + mentorId + "']");
            assertNotNull(row, page.asNormalizedText());
            String reasons = row.asNormalizedText();
            for (String reason : List.of("Shared language: french (+40)", "Covers 1 of 2 needs: finance (+15)", "Meets in person in Dakar (+20)",
                    "1 of 1 places left (+10)")) {
                assertTrue(reasons.contains(reason), reason + " in " + reasons);
            }
            assertTrue(reasons.contains("85"), reasons);
            page = clickAt(page, "//table[@id='ranked']//button[@id='offer-" + mentorId + "']");
            assertTrue(messages(page).contains("The offer is sent"), seen(page));
            assertEquals("OFFERED", page.<HtmlElement>getFirstByXPath("//ul[@id='assignments']/li").getAttribute("data-status"));
        }
        var offered = new Mailbox(KeycloakAdmin.emailOf(mentor)).await(mail -> mail.subject().contains(weavers), 1, Duration.ofSeconds(30));
        assertEquals("Accepteriez-vous d'accompagner " + weavers + " ?", offered.getFirst().subject());

        // The mentor accepts on their home page.
        long assignment = Db.count("select id from mentor_assignment where venture_id = ? and mentor_id = ?", venture, mentorId);
        try (Visitor m = new Visitor()) {
            m.open("/mentor/");
            HtmlPage home = m.submitKeycloakLogin(mentor, TestPeople.PASSWORD);
            home = clickAt(home, "//ul[@id='offers']/li[@data-assignment='" + assignment + "']//input[contains(@id,'accept')]");
            assertTrue(messages(home).contains("vous êtes maintenant le mentor de cette entreprise"), seen(home));
            assertNotNull(home.getFirstByXPath("//ul[@id='ventures']/li[@data-venture='" + venture + "']"), home.asNormalizedText());
            assertTrue(home.getElementById("offers-empty") != null);
        }
        assertEquals(1L, Db.count("select places_taken from mentor_profile where person_id = ?", mentorId));
        String accepted = mentorName(mentorId) + " will mentor " + weavers;
        new Mailbox("staff@demo.hamkke.org").await(mail -> mail.subject().equals(accepted), 1, Duration.ofSeconds(30));
        new Mailbox(KeycloakAdmin.emailOf(member)).await(mail -> mail.subject().equals(accepted), 1, Duration.ofSeconds(30));

        // At their cap (1), the mentor is not offered for another venture, and a forged offer is refused by the database.
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage other = staff.open("/staff/venture.xhtml?id=" + potters);
            HtmlElement notOffered = other.getFirstByXPath("//ul[@id='not-offered']/li[@data-mentor='" + mentorId + "']");
            assertNotNull(notOffered, other.asNormalizedText());
            assertTrue(notOffered.asNormalizedText().contains("at their cap"));
            assertNull(other.getFirstByXPath("//table[@id='ranked']//tr[@data-mentor='" + mentorId + "']"), "Not among the ranked");
        }

        // The member ends the pairing: a reason is asked for, then everyone is told.
        try (Visitor v = new Visitor()) {
            v.open("/venture/");
            HtmlPage home = v.submitKeycloakLogin(member, TestPeople.PASSWORD);
            HtmlElement mine = home.getFirstByXPath("//ul[@id='mentors']/li[@data-assignment='" + assignment + "']");
            assertTrue(mine.asNormalizedText().contains(mentorName(mentorId)), mine.asNormalizedText());
            HtmlPage confirm = clickAt(home, "//li[@data-assignment='" + assignment + "']//a[@id='fit-link']");
            HtmlPage refused = clickAt(confirm, "//input[contains(@id,'fitButton')]");
            assertTrue(messages(refused).contains("Please say why the pairing is not working."), seen(refused));
            type(refused, refused.<HtmlElement>getFirstByXPath("//textarea[contains(@id,'reason')]").getId(), "Our meeting days never match");
            HtmlPage done = clickAt(refused, "//input[contains(@id,'fitButton')]");
            assertTrue(messages(done).contains("The pairing has ended"), seen(done));
            assertTrue(done.getElementById("mentors-empty") != null);
        }
        assertEquals("NOT_A_FIT", Db.text("select status from mentor_assignment where id = ?", assignment));
        assertEquals(0L, Db.count("select places_taken from mentor_profile where person_id = ?", mentorId), "The place is free again");
        var ended = new Mailbox(KeycloakAdmin.emailOf(mentor)).await(mail -> mail.subject().contains("L'accompagnement de " + weavers),
                1, Duration.ofSeconds(30));
        assertTrue(ended.getFirst().text().contains("Our meeting days never match"), ended.getFirst().text());
    }

    /**
     * The cap is the database's: two live assignments for a mentor with one place are refused by
     * V19's check even when written straight in SQL, and the count follows every status change.
     */
    @Test
    void theDatabaseHoldsTheCapWhateverWritesTheRows() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long mentor = IntakeData.person("Capped " + tag, null, "mentor");
        IncubationData.mentor(mentor, "finance", "english", "Cebu", "BOTH", 1);
        long call = IntakeData.call("Cap call " + tag, false);
        long a = IncubationData.venture(call, IntakeData.person("A " + tag, null, ""), "A " + tag, "", "", null, false);
        long b = IncubationData.venture(call, IntakeData.person("B " + tag, null, ""), "B " + tag, "", "", null, false);
        String offer = "insert into mentor_assignment (venture_id, mentor_id, status, starts_on, ends_on, offered_at, offer_expires_at) "
                + "values (?, ?, 'OFFERED', current_date, current_date + 90, now(), now() + interval '7 days') returning id";
        long first = IntakeData.id(offer, a, mentor);
        SQLException overCap = assertThrows(SQLException.class, () -> IntakeData.id(offer, b, mentor));
        assertTrue(overCap.getMessage().contains("mentor_cap"), overCap.getMessage());
        assertThrows(SQLException.class, () -> IntakeData.execute("update mentor_profile set cap = 0 where person_id = ?", mentor),
                "The cap cannot go below the places taken");
        IntakeData.execute("update mentor_assignment set status = 'DECLINED', offer_expires_at = null where id = ?", first);
        assertEquals(0L, Db.count("select places_taken from mentor_profile where person_id = ?", mentor));
        IntakeData.id(offer, b, mentor);
        assertEquals(1L, Db.count("select places_taken from mentor_profile where person_id = ?", mentor));
        assertThrows(SQLException.class, () -> IntakeData.execute("""
                insert into mentor_assignment (venture_id, mentor_id, status, starts_on, ends_on, offered_at)
                values (?, ?, 'ENDED', current_date, current_date - 1, now())""", a, mentor), "An end before its start");
    }

    /** Bad input on the staff's and the mentor's pages: a clear message, nothing written, never an error page. */
    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsWritten() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long mentorId = IntakeData.person("Refused " + tag, null, "mentor");
        IncubationData.mentor(mentorId, "finance", "english", "Cebu", "BOTH", 2);
        long call = IntakeData.call("Bad input call " + tag, false);
        long venture = IncubationData.venture(call, IntakeData.person("V " + tag, null, ""), "V " + tag, "finance", "english", "Cebu", false);
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage page = staff.open("/staff/venture.xhtml?id=" + venture);
            type(page, "startsOn", "2027-05-01");
            type(page, "endsOn", "2027-04-01");
            HtmlPage refused = clickAt(page, "//button[@id='offer-" + mentorId + "']");
            assertEquals(200, refused.getWebResponse().getStatusCode());
            assertTrue(messages(refused).contains("The end must be after the start."), seen(refused));
            assertEquals("2027-04-01", refused.<org.htmlunit.html.HtmlInput>getHtmlElementById("endsOn").getValue(), "What was typed is kept");
            // A browser keeps a date field to dates; a forged post sends anything.
            HtmlElement button = refused.getFirstByXPath("//button[@id='offer-" + mentorId + "']");
            var post = refused.<org.htmlunit.html.HtmlForm>getHtmlElementById("offer").getWebRequest((org.htmlunit.html.SubmittableElement) button);
            post.setRequestParameters(post.getRequestParameters().stream()
                    .map(p -> p.getName().equals("endsOn") ? new org.htmlunit.util.NameValuePair(p.getName(), "first of May") : p).toList());
            refused = staff.browser().getPage(post);
            assertEquals(200, refused.getWebResponse().getStatusCode());
            assertTrue(messages(refused).contains("Please give a date as year-month-day"), seen(refused));
            // The same post without the session's form token does nothing.
            post.setRequestParameters(post.getRequestParameters().stream()
                    .map(p -> p.getName().equals("token") ? new org.htmlunit.util.NameValuePair(p.getName(), "forged")
                            : p.getName().equals("endsOn") ? new org.htmlunit.util.NameValuePair(p.getName(), "2027-12-01") : p).toList());
            refused = staff.browser().getPage(post);
            assertTrue(messages(refused).contains("This form had gone out of date"), seen(refused));
            assertEquals(0L, Db.count("select count(*) from mentor_assignment where venture_id = ?", venture), "Nothing offered");

            for (String odd : List.of("/staff/venture.xhtml?id=abc", "/staff/venture.xhtml?id=999999999", "/staff/venture.xhtml",
                    "/staff/matching.xhtml?call=abc", "/staff/matching.xhtml?call=99999999")) {
                staff.open(odd);
                assertEquals(404, staff.status(), odd);
            }
            HtmlPage weights = staff.open("/staff/matching.xhtml?call=" + call);
            type(weights, "weightsForm:language", "140");
            HtmlPage tooMuch = click(weights, "weightsForm:saveWeights");
            assertTrue(messages(tooMuch).contains("from 0 to 100"), seen(tooMuch));
            assertEquals(40L, Db.count("select weight_language from programme_call where id = ?", call));
        }
    }

    /** Who may open the incubation's pages: staff theirs, mentors theirs, members the venture area; nobody else. */
    @Test
    void everyRoleGetsOnlyItsOwnIncubationPages() throws Exception {
        long offers = Db.count("select count(*) from mentor_assignment");
        long call = IntakeData.call("Access call " + UUID.randomUUID().toString().substring(0, 6), false);
        IncubationData.venture(call, IntakeData.person("Access member", null, ""), "Access venture", "", "", null, false);
        List<String> staffPages = List.of("/staff/ventures.xhtml", "/staff/matching.xhtml?call=" + call);
        List<String> mentorPages = List.of("/mentor/", "/mentor/profile.xhtml");
        for (DemoLogin role : DemoLogin.values()) {
            try (Visitor v = new Visitor()) {
                v.signIn(role);
                for (String page : staffPages) {
                    v.open(page);
                    assertEquals(role == DemoLogin.STAFF || role == DemoLogin.ADMIN ? 200 : 403, v.status(), role + " " + page);
                }
                for (String page : mentorPages) {
                    v.open(page);
                    assertEquals(role == DemoLogin.MENTOR ? 200 : 403, v.status(), role + " " + page);
                }
                v.open("/venture/");
                assertEquals(role == DemoLogin.ENTREPRENEUR ? 200 : 403, v.status(), role + " /venture/");
                // Staff's offer is a plain post: anyone else is refused before any code runs.
                var post = new org.htmlunit.WebRequest(new java.net.URI(TestStack.portalUrl() + "/staff/venture/offer").toURL(),
                        org.htmlunit.HttpMethod.POST);
                post.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("venture", "1"),
                        new org.htmlunit.util.NameValuePair("mentor", "1"), new org.htmlunit.util.NameValuePair("token", "x")));
                post.setAdditionalHeader("Origin", TestStack.portalUrl());
                int status = v.browser().getPage(post).getWebResponse().getStatusCode();
                if (role != DemoLogin.STAFF && role != DemoLogin.ADMIN) {
                    assertEquals(403, status, role + " posting an offer");
                }
            }
        }
        assertEquals(offers, Db.count("select count(*) from mentor_assignment"), "No offer made by a forged post");
    }

    /**
     * A whole round: the programme's ventures without a mentor, proposed at once under every
     * mentor's places (the best total, not first-come), each pair with its reasons and each venture
     * left out with why; nothing is offered until staff press "Send", then every pair is offered.
     */
    @Test
    void aRoundIsProposedReviewedAndSent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long call = IntakeData.call("Round call " + tag, false);
        // Mentors are the whole programme's: those other tests made take no new ventures here, so the round is this test's own.
        IntakeData.execute("update mentor_profile set available = false");
        long french = IntakeData.person("Round French " + tag, null, "mentor");
        IncubationData.mentor(french, "finance,legal registration", "french", "Dakar", "IN_PERSON", 1);
        long english = IntakeData.person("Round English " + tag, null, "mentor");
        IncubationData.mentor(english, "marketing", "english", "Cebu", "ONLINE", 1);
        long dakar = IncubationData.venture(call, IntakeData.person("R1 " + tag, null, ""), "Dakar soap " + tag, "finance", "french", "Dakar", true);
        long cebu = IncubationData.venture(call, IntakeData.person("R2 " + tag, null, ""), "Cebu weavers " + tag, "marketing", "english", "Cebu", false);
        long third = IncubationData.venture(call, IntakeData.person("R3 " + tag, null, ""), "Thiès dyers " + tag, "finance", "french", "Thiès", true);
        long before = Db.count("select count(*) from mentor_assignment");
        try (Visitor staff = new Visitor()) {
            staff.signIn(DemoLogin.STAFF);
            HtmlPage round = click(staff.open("/staff/matching.xhtml?call=" + call), "propose");
            assertNotNull(round.getElementById("pairs"), seen(round));
            assertNotNull(round.getFirstByXPath("//table[@id='pairs']//tr[@data-venture='" + dakar + "' and @data-mentor='" + french + "']"),
                    "The French mentor goes to the venture in her region: " + seen(round));
            assertNotNull(round.getFirstByXPath("//table[@id='pairs']//tr[@data-venture='" + cebu + "' and @data-mentor='" + english + "']"));
            HtmlElement left = round.getFirstByXPath("//ul[@id='unplaced']/li[@data-venture='" + third + "']");
            assertNotNull(left, seen(round));
            assertTrue(left.asNormalizedText().contains("full with better matches"), left.asNormalizedText());
            assertTrue(round.getElementById("proposal-summary").asNormalizedText().contains("2 ventures placed, 1 not placed"),
                    round.getElementById("proposal-summary").asNormalizedText());
            assertEquals(before, Db.count("select count(*) from mentor_assignment"), "Nothing sent before staff press Send");
            HtmlPage sent = click(round, "sendButton");
            assertTrue(messages(sent).contains("2 offers sent."), seen(sent));
        }
        assertEquals(1L, Db.count("select count(*) from mentor_assignment where venture_id = ? and mentor_id = ? and status = 'OFFERED'", dakar, french));
        assertEquals(1L, Db.count("select count(*) from mentor_assignment where venture_id = ? and mentor_id = ? and status = 'OFFERED'", cebu, english));
        assertEquals(0L, Db.count("select count(*) from mentor_assignment where venture_id = ?", third));
    }

    /** Pictures for the README: the ranked mentors and a round's proposal (staff), the mentor's home on a phone in French (skipped without Chromium). */
    @Test
    void screenshots() throws Exception {
        var chromium = Chromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), "No Chromium on this machine");
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String claire = people.create("fr", "mentor");
        long claireId = Db.count("select id from person where username = ?", claire);
        IntakeData.execute("update person set display_name = 'Claire Dubois' where id = ?", claireId);
        IncubationData.mentor(claireId, "finance,cooperative governance,legal registration", "french,english,wolof", "Dakar", "BOTH", 3);
        long call = IntakeData.call("Women-led cooperatives " + tag, false);
        String[][] mentors = {{"Aminata Sow", "impact measurement,legal registration", "french,wolof", "Dakar", "IN_PERSON", "2"},
                {"Rizal Hakim", "digital sales,marketing,finance", "indonesian,english", "Surabaya", "ONLINE", "3"},
                {"Hana Park", "fair trade,marketing,impact measurement", "english,urdu", "Seoul", "ONLINE", "1"}};
        for (String[] m : mentors) {
            long id = IntakeData.person(m[0], null, "mentor");
            IncubationData.mentor(id, m[1], m[2], m[3], m[4], Integer.parseInt(m[5]));
        }
        long green = IncubationData.venture(call, IntakeData.person("Awa Diop", null, ""), "Green Loop Recycling",
                "impact measurement,legal registration,finance", "french,wolof", "Dakar", true);
        IncubationData.venture(call, IntakeData.person("Ratna", null, ""), "Sukamaju Garment Workers Cooperative",
                "cooperative governance,finance,digital sales", "indonesian,english", "Bandung", true);
        IncubationData.venture(call, IntakeData.person("Nadia", null, ""), "Threads of Sindh Handicraft Association",
                "fair trade,marketing", "urdu,english", "Hyderabad", false);
        long dapur = IncubationData.venture(call, IntakeData.person("Ayu", null, ""), "Dapur Ibu Savings Group",
                "finance,digital sales", "indonesian", "Surabaya", false);
        IntakeData.execute("""
                insert into mentor_assignment (venture_id, mentor_id, status, starts_on, ends_on, offered_at, offer_expires_at)
                values (?, ?, 'OFFERED', current_date, current_date + 180, now(), now() + interval '6 days')""", dapur, claireId);
        java.nio.file.Path dir = java.nio.file.Path.of("docs/screenshots");
        java.nio.file.Files.createDirectories(dir);
        shoot(chromium.get(), DemoLogin.STAFF.username(), DemoLogin.STAFF.password(), "/staff/venture.xhtml?id=" + green, 1280, 1400,
                dir.resolve("incubation-venture-mentors-staff.png"));
        shoot(chromium.get(), DemoLogin.STAFF.username(), DemoLogin.STAFF.password(), "/staff/matching.xhtml?call=" + call + "&propose=1", 1280, 1300,
                dir.resolve("incubation-round-staff.png"));
        shoot(chromium.get(), claire, TestPeople.PASSWORD, "/mentor/?lang=fr", 390, 900, dir.resolve("incubation-mentor-home-fr-phone.png"));
    }

    private static void shoot(String chromium, String username, String password, String page, int width, int height, java.nio.file.Path file)
            throws Exception {
        String cookie;
        try (Visitor v = new Visitor()) {
            v.open("/me/");
            v.submitKeycloakLogin(username, password);
            cookie = Sessions.cookie(v);
        }
        try (Chromium browser = new Chromium(chromium, width, height)) {
            browser.cookie(Sessions.COOKIE, cookie, TestStack.portalUrl());
            browser.send("Page.navigate", "{\"url\":\"" + TestStack.portalUrl() + page + "\"}");
            browser.waitFor("document.readyState === 'complete' && !!document.getElementById('main')");
            Thread.sleep(300);
            java.nio.file.Files.write(file, browser.screenshot());
        }
    }

    private static String mentorName(long personId) throws SQLException {
        return Db.text("select coalesce(nullif(display_name, ''), username) from person where id = ?", personId);
    }
}
