package org.hamkke.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An application's answers in the order of the call's questions, as reviewers and staff read them,
 * so the page can show a choice's label in the reader's language and link a file for download.
 *
 * <p>A question removed from the call after this application was submitted is still shown, marked,
 * when the application answered it ({@link CallQuestion#shownTo}): it is what the applicant was
 * asked (questions are only ever marked removed, never deleted, so nobody's answers or files go
 * with them).
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
    static List<Answer> of(Application application, boolean blind) {
        List<CallQuestion> questions = application.getCall().getQuestions().stream()
                .sorted(Comparator.comparingInt(CallQuestion::getPosition).thenComparing(CallQuestion::getId))
                .toList();
        List<Answer> answers = new ArrayList<>();
        for (CallQuestion q : questions) {
            String text = application.getAnswers().getOrDefault(q.getId(), "");
            var file = application.file(q.getId());
            if (!q.shownTo(application, file.isPresent() || !text.isEmpty())) {
                continue;
            }
            String value = q.getKind() == CallQuestion.Kind.FILE
                    ? file.map(f -> AttachmentNames.shown(f, application, blind)).orElse("")
                    : text;
            answers.add(new Answer(q.getLabel().json(), value, file.map(ApplicationFile::getId).orElse(null),
                    QuestionChoice.json(q.getChoices()), !q.isAsked()));
        }
        return answers;
    }
}
