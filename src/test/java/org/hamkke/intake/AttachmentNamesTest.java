package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

class AttachmentNamesTest {

    @Test
    void aBlindReaderGetsANumberAndTheTypesExtensionNothingOfTheOriginalName() {
        assertEquals("Attachment 1.pdf", AttachmentNames.shown("budget-siti-rahayu.pdf", "application/pdf", 1, true));
        assertEquals("Attachment 2.jpg", AttachmentNames.shown("Photo of Amina.JPEG", "image/jpeg", 2, true));
        assertEquals("Attachment 3.docx", AttachmentNames.shown("plan.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 3, true));
    }

    @Test
    void othersKeepTheOriginalName() {
        assertEquals("budget-siti-rahayu.pdf", AttachmentNames.shown("budget-siti-rahayu.pdf", "application/pdf", 1, false));
    }

    @Test
    void anUnknownTypeStillGetsANeutralName() {
        assertEquals("Attachment 4.bin", AttachmentNames.neutral("application/x-unknown", 4));
    }
}
