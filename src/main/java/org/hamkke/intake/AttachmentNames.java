package org.hamkke.intake;

import java.util.Arrays;

/**
 * The name a reader is shown for an attached file, on the page and in the download alike. Under
 * blind review a reviewer never sees the applicant's own file name (it often carries a person's or
 * a group's name: "budget-siti-rahayu.pdf"): they get "Attachment 1.pdf", numbered in the order of
 * the form's questions, with the extension of the type recognised at upload. Staff and the
 * applicant keep the original name.
 */
final class AttachmentNames {

    /**
     * SQL: the number of file {@code f} among its application's files, in the order of their
     * questions ({@code q} is f's question). The page and the download count alike, so "Attachment 2"
     * on the page downloads as "Attachment 2.pdf".
     */
    static final String NUMBER = """
            (select count(*) from application_file nf join call_question nq on nq.id = nf.question_id
             where nf.application_id = f.application_id and (nq.position, nq.id) <= (q.position, q.id))""";

    private AttachmentNames() {}

    static String shown(String originalName, String mediaType, long number, boolean blind) {
        return blind ? neutral(mediaType, number) : originalName;
    }

    /** "Attachment 1.pdf": no word of the original name, the extension from the stored media type. */
    static String neutral(String mediaType, long number) {
        String extension = Arrays.stream(AttachmentType.values()).filter(t -> t.mediaType().equals(mediaType))
                .map(AttachmentType::extension).findFirst().orElse("bin");
        return "Attachment " + number + "." + extension;
    }
}
