package org.hamkke.intake;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.shared.JsonObjects;

/**
 * An application's answers in the order of the call's questions, as reviewers and staff read them,
 * so the page can show a choice's label in the reader's language and link a file for download.
 *
 * <p>A question removed from the call after this application was submitted is still shown, marked,
 * when the application answered it: it is what the applicant was asked (questions are only ever
 * marked removed, never deleted, so nobody's answers or files go with them).
 */
public final class AnswerSheet {

    /**
     * One answer.
     *
     * @param value the answer; for a file, the name the reader is shown (neutral under blind review)
     * @param fileId the attached file, for a FILE question that has one
     * @param choicesJson the options, for a choice question ("[]" otherwise)
     * @param removed the question was removed from the call after this application was submitted
     */
    public record Answer(String labelJson, String value, Long fileId, String choicesJson, boolean removed) {}

    private AnswerSheet() {}

    /** @param blind whether file names are replaced by neutral ones (a reviewer of a blind call) */
    static List<Answer> of(EntityManager em, long callId, long applicationId, String answersJson, boolean blind) {
        Map<String, String> values = JsonObjects.strings(answersJson);
        @SuppressWarnings("unchecked")
        List<Object[]> questions = em.createNativeQuery(
                        """
                        select q.id, q.label::text, q.kind, q.choices::text, f.id, f.original_name, f.media_type,
                               case when f.id is not null then %s end, q.removed_at is not null
                        from call_question q join application a on a.id = ?2
                        left join application_file f on f.question_id = q.id and f.application_id = a.id
                        where q.call_id = ?1 and (q.removed_at is null or (a.submitted_at < q.removed_at
                          and (f.id is not null or coalesce(a.answers ->> cast(q.id as text), '') <> '')))
                        order by q.position, q.id
                        """.formatted(AttachmentNames.NUMBER))
                .setParameter(1, callId)
                .setParameter(2, applicationId)
                .getResultList();
        List<Answer> answers = new ArrayList<>();
        for (Object[] q : questions) {
            Long fileId = q[4] == null ? null : ((Number) q[4]).longValue();
            String value = "FILE".equals(q[2])
                    ? (fileId == null ? "" : AttachmentNames.shown((String) q[5], (String) q[6], ((Number) q[7]).longValue(), blind))
                    : values.getOrDefault(String.valueOf(((Number) q[0]).longValue()), "");
            answers.add(new Answer((String) q[1], value, fileId, (String) q[3], (Boolean) q[8]));
        }
        return answers;
    }
}
