package org.hamkke.intake;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.shared.JsonObjects;

/**
 * An application's answers in the order of the call's questions, as reviewers and staff read them:
 * each as (label JSON, answer, attachment id for a FILE question, options JSON for a choice) so the
 * page can show a choice's label in the reader's language and link a file for download.
 */
final class AnswerSheet {

    private AnswerSheet() {}

    static List<String[]> of(EntityManager em, long callId, long applicationId, String answersJson) {
        Map<String, String> values = JsonObjects.strings(answersJson);
        @SuppressWarnings("unchecked")
        List<Object[]> questions = em.createNativeQuery(
                        """
                        select q.id, q.label::text, q.kind, q.choices::text, f.id, f.original_name
                        from call_question q left join application_file f on f.question_id = q.id and f.application_id = ?2
                        where q.call_id = ?1 order by q.position
                        """)
                .setParameter(1, callId)
                .setParameter(2, applicationId)
                .getResultList();
        List<String[]> answers = new ArrayList<>();
        for (Object[] q : questions) {
            String value = "FILE".equals(q[2])
                    ? (q[5] == null ? "" : (String) q[5])
                    : values.getOrDefault(String.valueOf(((Number) q[0]).longValue()), "");
            answers.add(new String[] {(String) q[1], value, q[4] == null ? null : q[4].toString(), (String) q[3]});
        }
        return answers;
    }
}
