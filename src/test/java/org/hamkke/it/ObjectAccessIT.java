package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Other people's real objects (not ids that do not exist): an applicant's file, notice and
 * application, asked for by other signed-in people. The owner gets them (so the checks can fail);
 * everyone else gets the same 404 as for nothing at all, and nothing of the object.
 */
class ObjectAccessIT {

    private static final String SECRET = "Our cooperative's bank statement " + System.nanoTime();
    private static long application;
    private static long file;
    private static long notice;
    private static long question;
    private static Map<DemoLogin, String> sessions;
    private static final String CALL_TITLE = "Object access call " + System.nanoTime();

    @BeforeAll
    static void anApplicantsThings() throws Exception {
        sessions = new java.util.EnumMap<>(DemoLogin.class);
        for (DemoLogin login : DemoLogin.values()) {
            sessions.put(login, Sessions.signedIn(login));
        }
        long owner = (Long) Db.value("select id from person where username = 'applicant'");
        long call = IntakeData.call(CALL_TITLE, false);
        question = IntakeData.question(call, 1, "FILE", "Your accounts", false);
        application = IntakeData.application(call, owner, "Weaving Circle of the Owner", "IN_REVIEW", 5);
        file = IntakeData.file(application, question, "accounts.pdf", "application/pdf",
                ("%PDF-1.4\n" + SECRET).getBytes(StandardCharsets.UTF_8));
        notice = IntakeData.id("""
                insert into notice (recipient_id, kind, dedupe_key, data, link, created_at, email_state)
                values (?, 'application-decision', ?, '{}', '/me/applications.xhtml', now(), 'SKIPPED') returning id""",
                owner, "object-access-" + System.nanoTime());
    }

    @Test
    void theOwnersFileIsTheOwnersAndStaffsOnly() throws Exception {
        RawHttp.Response own = RawHttp.get("/files/attachment?id=" + file, sessions.get(DemoLogin.APPLICANT));
        assertEquals(200, own.status());
        assertTrue(own.body().contains(SECRET));
        assertTrue(RawHttp.get("/files/attachment?id=" + file, sessions.get(DemoLogin.STAFF)).body().contains(SECRET));

        for (DemoLogin other : new DemoLogin[] {DemoLogin.ENTREPRENEUR, DemoLogin.MENTOR, DemoLogin.REVIEWER}) {
            RawHttp.Response refused = RawHttp.get("/files/attachment?id=" + file, sessions.get(other));
            assertEquals(404, refused.status(), other + " asked for someone else's file");
            assertFalse(refused.body().contains(SECRET), other + " saw the file");
            assertNull(refused.header("content-disposition"));
        }
    }

    @Test
    void aNoticeOpensOnlyForItsRecipientAndOnlyTheyMarkItRead() throws Exception {
        for (DemoLogin other : new DemoLogin[] {DemoLogin.ENTREPRENEUR, DemoLogin.STAFF, DemoLogin.ADMIN}) {
            RawHttp.Response refused = RawHttp.get("/me/notices/open?id=" + notice, sessions.get(other));
            assertEquals(404, refused.status(), other + " opened someone else's notice");
        }
        assertNull(Db.value("select read_at from notice where id = ?", notice), "Nobody else marked it read");

        RawHttp.Response own = RawHttp.get("/me/notices/open?id=" + notice, sessions.get(DemoLogin.APPLICANT));
        assertEquals(302, own.status());
        assertTrue(own.header("location").endsWith("/me/applications.xhtml"), own::toString);
        assertTrue(Db.value("select read_at from notice where id = ?", notice) != null, "Opening it marked it read");
    }

    @Test
    void anApplicationIsSeenByItsApplicantStaffAndItsUnconflictedReviewersOnly() throws Exception {
        String mine = RawHttp.get("/me/applications.xhtml", sessions.get(DemoLogin.APPLICANT)).body();
        assertTrue(mine.contains(CALL_TITLE), "The owner sees their application to the call");
        String theirs = RawHttp.get("/me/applications.xhtml", sessions.get(DemoLogin.ENTREPRENEUR)).body();
        assertFalse(theirs.contains(CALL_TITLE), "Another applicant does not");

        RawHttp.Response staff = RawHttp.get("/staff/application.xhtml?id=" + application, sessions.get(DemoLogin.STAFF));
        assertEquals(200, staff.status());
        assertTrue(staff.body().contains("Weaving Circle of the Owner"));

        String review = "/reviewer/review.xhtml?application=" + application;
        RawHttp.Response unassigned = RawHttp.get(review, sessions.get(DemoLogin.REVIEWER));
        assertEquals(404, unassigned.status(), "A reviewer not assigned to it");
        assertFalse(unassigned.body().contains("Weaving Circle of the Owner"));

        long reviewer = (Long) Db.value("select id from person where username = 'reviewer'");
        long assignment = IntakeData.assignment(application, reviewer, "NONE");
        try {
            RawHttp.Response assigned = RawHttp.get(review, sessions.get(DemoLogin.REVIEWER));
            assertEquals(200, assigned.status(), "Once assigned without a conflict, the reviewer reads it");
            assertTrue(assigned.body().contains("Your accounts"), "The application's questions are on the page");
            RawHttp.Response assignedFile = RawHttp.get("/files/attachment?id=" + file, sessions.get(DemoLogin.REVIEWER));
            assertTrue(assignedFile.body().contains(SECRET), "and its file");

            IntakeData.execute("update review_assignment set conflict = 'CONFLICT' where id = ?", assignment);
            assertEquals(404, RawHttp.get(review, sessions.get(DemoLogin.REVIEWER)).status(), "A declared conflict closes it");
            assertEquals(404, RawHttp.get("/files/attachment?id=" + file, sessions.get(DemoLogin.REVIEWER)).status(), "and its file");
        } finally {
            IntakeData.execute("delete from review_assignment where id = ?", assignment);
        }
    }
}
