package org.hamkke.intake;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The name a reader is shown for an attached file, on the page and in the download alike. Under
 * blind review a reviewer never sees the applicant's own file name (it often carries a person's or
 * a group's name: "budget-siti-rahayu.pdf"): they get "Attachment 1.pdf", numbered in the order of
 * the form's questions, with the extension of the type recognised at upload. Staff and the
 * applicant keep the original name.
 */
final class AttachmentNames {

    private AttachmentNames() {}

    /** The name this reader is shown for the file: the original, or the neutral one under blind review. */
    static String shown(ApplicationFile file, Application application, boolean blind) {
        return shown(file.getOriginalName(), file.getMediaType(), blind ? number(file, application) : 0, blind);
    }

    static String shown(String originalName, String mediaType, long number, boolean blind) {
        return blind ? neutral(mediaType, number) : originalName;
    }

    /**
     * The file's number among its application's files, in the order of their questions (removed
     * questions keep their place): the page and the download count alike, so "Attachment 2" on the
     * page downloads as "Attachment 2.pdf".
     */
    static long number(ApplicationFile file, Application application) {
        Comparator<ApplicationFile> byQuestion = Comparator.comparingInt((ApplicationFile f) -> application.getCall()
                        .question(f.getQuestionId()).map(CallQuestion::getPosition).orElse(Integer.MAX_VALUE))
                .thenComparingLong(ApplicationFile::getQuestionId);
        return application.getFiles().stream().filter(f -> byQuestion.compare(f, file) <= 0).count();
    }

    /** "Attachment 1.pdf": no word of the original name, the extension from the stored media type. */
    static String neutral(String mediaType, long number) {
        String extension = Arrays.stream(AttachmentType.values()).filter(t -> t.mediaType().equals(mediaType))
                .map(AttachmentType::extension).findFirst().orElse("bin");
        return "Attachment " + number + "." + extension;
    }
}
