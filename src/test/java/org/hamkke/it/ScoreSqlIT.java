package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hamkke.intake.Scoring;
import org.junit.jupiter.api.Test;

/**
 * The review summary the database keeps so staff can sort by it ({@code application_score},
 * V12's {@code intake_refresh_scores}) holds the same figures as {@link Scoring}, the arithmetic's
 * reference with its own unit tests: a seeded call with harsh and lenient reviewers, a review
 * submitted before a criterion was added, a draft, a declared conflict and a withdrawn application,
 * summarised by both and compared figure by figure.
 */
class ScoreSqlIT {

    private static final double EXACT = 1e-9;

    @Test
    void theDatabaseSummarisesACallExactlyAsScoringDoes() throws Exception {
        long call = IntakeData.call("Score SQL call " + java.util.UUID.randomUUID(), true);
        IntakeData.execute("update programme_call set disagreement_threshold = 25 where id = ?", call);
        IntakeData.execute("""
                insert into rubric_criterion (call_id, position, key, label, weight, max_score) values
                (?, 1, 'impact', '{"en": "Impact"}', 25, 5), (?, 2, 'governance', '{"en": "Governance"}', 15, 5),
                (?, 3, 'viability', '{"en": "Viability"}', 2.5, 10)""", call, call, call);
        List<Scoring.Criterion> rubric = List.of(new Scoring.Criterion("impact", 25, 5), new Scoring.Criterion("governance", 15, 5),
                new Scoring.Criterion("viability", 2.5, 10));

        long applicant = IntakeData.person("Score applicants", null, "");
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long person = i == 0 ? applicant : IntakeData.person("Score applicant " + i, null, "");
            applications.add(IntakeData.application(call, person, "Scored " + i, i == 6 ? "WITHDRAWN" : "IN_REVIEW", i));
        }
        List<Long> reviewers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            reviewers.add(IntakeData.person("Score reviewer " + r, null, "reviewer"));
        }
        // Reviewer 0 is harsh, reviewer 3 lenient; application 5 gets no review at all.
        Random random = new Random(42);
        List<Scoring.Review> submitted = new ArrayList<>();
        Map<Long, Integer> assigned = new HashMap<>();
        Map<Long, Integer> done = new HashMap<>();
        for (int a = 0; a < 5; a++) {
            for (int r = 0; r < 4; r++) {
                if ((a + r) % 4 == 3) {
                    continue;
                }
                long application = applications.get(a);
                long assignment = IntakeData.assignment(application, reviewers.get(r), "NONE");
                assigned.merge(application, 1, Integer::sum);
                Map<String, Integer> scores = new LinkedHashMap<>();
                scores.put("impact", Math.min(5, r + random.nextInt(3)));
                scores.put("governance", Math.min(5, r + random.nextInt(3)));
                scores.put("viability", Math.min(10, 2 * r + random.nextInt(5)));
                boolean draft = a == 4 && r == 0;
                IntakeData.execute("insert into review (assignment_id, scores, status, submitted_at) values (?, cast(? as jsonb), ?, ?)",
                        assignment, org.hamkke.shared.JsonObjects.of(scores), draft ? "DRAFT" : "SUBMITTED",
                        draft ? null : java.sql.Timestamp.from(java.time.Instant.now()));
                if (!draft) {
                    done.merge(application, 1, Integer::sum);
                    submitted.add(new Scoring.Review(reviewers.get(r), application, scores));
                }
            }
        }
        // Submitted before "viability" was added: scores nowhere, on either side, but it was done.
        long old = IntakeData.assignment(applications.get(6), reviewers.get(1), "NONE");
        IntakeData.execute("insert into review (assignment_id, scores, status, submitted_at) values (?, '{\"impact\": 5, \"governance\": 1}', "
                + "'SUBMITTED', now())", old);
        assigned.merge(applications.get(6), 1, Integer::sum);
        done.merge(applications.get(6), 1, Integer::sum);
        // A declared conflict is no review to wait for.
        IntakeData.assignment(applications.get(5), reviewers.get(2), "CONFLICT");

        IntakeData.execute("select intake_refresh_scores(?)", call);

        Map<Long, Scoring.Summary> expected = new HashMap<>();
        Scoring.summarise(rubric, submitted, 25).forEach(s -> expected.put(s.applicationId(), s));
        assertEquals(5, expected.size(), "Five applications have scored reviews");
        int disagreements = 0;
        for (long application : applications) {
            try (var db = Db.connect(); var s = db.prepareStatement("select * from application_score where application_id = ?")) {
                s.setLong(1, application);
                ResultSet row = s.executeQuery();
                assertTrue(row.next(), "A row for every submitted application");
                assertEquals(call, row.getLong("call_id"));
                assertEquals(assigned.getOrDefault(application, 0), row.getInt("reviews_assigned"), "assigned of " + application);
                assertEquals(done.getOrDefault(application, 0), row.getInt("reviews_done"), "done of " + application);
                Scoring.Summary java = expected.get(application);
                if (java == null) {
                    assertEquals(0, row.getInt("reviews_scored"));
                    assertNull(row.getObject("mean"));
                    assertNull(row.getObject("normalised"));
                    assertFalse(row.getBoolean("disagreement"));
                    continue;
                }
                String which = "application " + applications.indexOf(application);
                assertEquals(java.reviews(), row.getInt("reviews_scored"), which);
                assertEquals(java.mean(), row.getDouble("mean"), EXACT, which + " mean");
                assertEquals(java.spread(), row.getDouble("spread"), EXACT, which + " spread");
                assertEquals(java.lowest(), row.getDouble("lowest"), EXACT, which + " lowest");
                assertEquals(java.highest(), row.getDouble("highest"), EXACT, which + " highest");
                assertEquals(java.normalised(), row.getDouble("normalised"), EXACT, which + " normalised");
                assertEquals(java.disagreement(), row.getBoolean("disagreement"), which + " disagreement");
                disagreements += java.disagreement() ? 1 : 0;
            }
        }
        assertTrue(disagreements > 0, "The seed has reviewers who disagree");
        assertTrue(expected.values().stream().map(Scoring.Summary::normalised).distinct().count() > 1, "Normalised scores differ");

        // Refreshing again rewrites nothing: rows that did not move keep their row version.
        String versions = "select string_agg(xmin::text, ',' order by application_id) from application_score where call_id = ?";
        String before = Db.text(versions, call);
        IntakeData.execute("select intake_refresh_scores(?)", call);
        assertEquals(before, Db.text(versions, call));
    }
}
