package org.hamkke.intake;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hamkke.shared.db.Rows;

/**
 * Keeps {@code application_score} in step: every change that moves a call's review figures (a
 * review submitted or reopened, an assignment added or declared, the rubric or threshold saved)
 * calls {@link #refresh} in its own transaction. The arithmetic is {@link Scoring}'s, written once
 * more in SQL in V12's {@code intake_refresh_scores} so the database can sort by it; ScoreSqlIT
 * holds the two to the same figures.
 */
final class ScoreSummaries {

    private ScoreSummaries() {}

    /** Recomputes the call's rows after writing what this transaction changed (one statement, the call locked meanwhile). */
    static void refresh(EntityManager em, long callId) {
        em.flush();
        em.createNativeQuery("select intake_refresh_scores(?1)").setParameter(1, callId).getResultList();
    }

    /** One application's summary, once a review is scored. */
    static Optional<ScoreSummary> of(EntityManager em, long applicationId) {
        return Rows.first(em.createNativeQuery("""
                                select reviews_assigned, reviews_done, reviews_scored, mean, spread, normalised, disagreement
                                from application_score where application_id = ?1 and reviews_scored > 0""")
                        .setParameter(1, applicationId),
                r -> new ScoreSummary(r.integer("reviews_assigned"), r.integer("reviews_done"), r.integer("reviews_scored"),
                        r.number("mean"), r.number("spread"), r.number("normalised"), r.flag("disagreement")));
    }
}
