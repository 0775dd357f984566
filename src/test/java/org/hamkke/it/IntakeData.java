package org.hamkke.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Intake rows a test needs as its starting point (calls, people who never sign in, applications,
 * members, assignments, stored files), written straight to the database of the running stack, so
 * that the test itself goes through the pages. Each call is new, so tests never share rows.
 */
final class IntakeData {

    private IntakeData() {}

    /** An open call (opened yesterday, closing in nine days). */
    static long call(String title, boolean blind) throws Exception {
        return id("""
                insert into programme_call (title, summary, opens_at, closes_at, time_zone, blind_review)
                values (jsonb_build_object('en', ?::text), '{"en": "x"}', now() - interval '1 day', now() + interval '9 days', 'UTC', ?)
                returning id""", title, blind);
    }

    static long question(long call, int position, String kind, String label, boolean required) throws Exception {
        return id("""
                insert into call_question (call_id, position, kind, label, required)
                values (?, ?, ?, jsonb_build_object('en', ?::text), ?) returning id""", call, position, kind, label, required);
    }

    static void criterion(long call, String key, String label) throws Exception {
        id("""
                insert into rubric_criterion (call_id, position, key, label, weight, max_score)
                values (?, (select coalesce(max(position), 0) + 1 from rubric_criterion where call_id = ?), ?,
                        jsonb_build_object('en', ?::text), 1, 5) returning id""", call, call, key, label);
    }

    /** A person who never signs in (subject "it:" + a random tag) with these roles, comma-separated, e.g. "reviewer". */
    static long person(String displayName, String email, String roles) throws Exception {
        String tag = UUID.randomUUID().toString();
        long person = id("""
                insert into person (subject, username, display_name, email, created_at)
                values (?, ?, ?, ?, now()) returning id""", "it:" + tag, "it-" + tag.substring(0, 13), displayName, email);
        if (roles != null && !roles.isBlank()) {
            id("insert into person_role (person_id, role) select ?, unnest(string_to_array(?, ',')) returning person_id", person, roles);
        }
        return person;
    }

    /** A submitted application at the stage given, submitted {@code minutesAgo} minutes ago (the order of the table). */
    static long application(long call, long applicant, String name, String stage, int minutesAgo) throws Exception {
        return id("""
                insert into application (call_id, applicant_id, applicant_kind, name, stage, created_at, updated_at, submitted_at,
                                         receipt, decision_message, decided_at)
                values (?, ?, 'COLLECTIVE', ?, ?, now(), now(), now() - make_interval(mins => ?), 'IT-' || gen_random_uuid(),
                        case when ? in ('ACCEPTED', 'WAITLISTED', 'REJECTED') then 'Decided in a test' end,
                        case when ? in ('ACCEPTED', 'WAITLISTED', 'REJECTED') then now() end)
                returning id""", call, applicant, name, stage, minutesAgo, stage, stage);
    }

    static void answer(long application, long question, String text) throws Exception {
        id("update application set answers = answers || jsonb_build_object(?::text, ?::text) where id = ? returning id",
                String.valueOf(question), text, application);
    }

    /** A member of the collective; the address is stored in lower case, as the portal stores it. */
    static void member(long application, int position, String name, String email) throws Exception {
        id("""
                insert into application_member (application_id, position, name, role, consent_at, email)
                values (?, ?, ?, 'member', now(), lower(?)) returning id""", application, position, name, email);
    }

    /** A reviewer's assignment, declared as given (UNDECLARED, NONE or CONFLICT). */
    static long assignment(long application, long reviewer, String conflict) throws Exception {
        return id("""
                insert into review_assignment (application_id, reviewer_id, assigned_at, conflict, declared_at)
                values (?, ?, now(), ?, case when ? <> 'UNDECLARED' then now() end) returning id""",
                application, reviewer, conflict, conflict);
    }

    /**
     * A file attached to an application, stored where the test stack's portal keeps attachments
     * (skips the test when attached to a dev run, whose files are elsewhere).
     */
    static long file(long application, long question, String originalName, String mediaType, byte[] bytes) throws Exception {
        var stack = TestStack.owned();
        assumeTrue(stack != null, "needs the files folder of the stack this run started");
        Path dir = Files.createDirectories(stack.settings().dataDir().resolve("portal").resolve("files").resolve("attachments"));
        String key = UUID.randomUUID().toString();
        Files.write(dir.resolve(key), bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return id("""
                insert into application_file (application_id, question_id, storage_key, original_name, media_type, size_bytes,
                                              sha256, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, now()) returning id""", application, question, key, originalName, mediaType,
                (long) bytes.length, sha);
    }

    static long id(String sql, Object... params) throws Exception {
        try (Connection db = Db.connect(); PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void execute(String sql, Object... params) throws Exception {
        try (Connection db = Db.connect(); PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }
}
