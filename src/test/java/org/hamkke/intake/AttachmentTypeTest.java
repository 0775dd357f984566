package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are recognised from their bytes; a name that claims another type is a disguise. */
class AttachmentTypeTest {

    @TempDir
    Path dir;

    @Test
    void recognisesPdfAndImagesFromTheirFirstBytes() throws IOException {
        assertEquals(AttachmentType.PDF, detect("plan.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).type());
        assertEquals(AttachmentType.PNG, detect("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}).type());
        assertEquals(AttachmentType.JPEG, detect("photo.JPG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}).type());
        assertEquals(AttachmentType.WEBP, detect("photo.webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).type());
        // No extension at all: the content alone decides.
        assertEquals(AttachmentType.PDF, detect("scan", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).type());
    }

    @Test
    void recognisesOfficeDocumentsFromTheirEntries() throws IOException {
        assertEquals(AttachmentType.DOCX, detectZip("budget.docx", "[Content_Types].xml", "word/document.xml").type());
        assertEquals(AttachmentType.XLSX, detectZip("budget.xlsx", "[Content_Types].xml", "xl/workbook.xml").type());
        Path odt = dir.resolve("plan.odt");
        try (var zip = new ZipOutputStream(Files.newOutputStream(odt))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertEquals(AttachmentType.ODT, AttachmentType.detect(odt, "plan.odt").type());
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        assertEquals(AttachmentType.XLS, detect("old.xls", ole2).type());
    }

    @Test
    void refusesAProgramOrAnArchiveWhateverItsName() throws IOException {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertEquals(AttachmentType.Verdict.DISGUISED, detect("budget.pdf", program).refusal());
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED, detect("setup.exe", program).refusal());
        assertEquals(AttachmentType.Verdict.DISGUISED, detectZip("report.docx", "payload.sh").refusal());
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED, detectZip("photos.zip", "a.jpg").refusal());
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED, detect("notes.txt", "just text".getBytes(StandardCharsets.UTF_8)).refusal());
    }

    @Test
    void refusesAFileWhoseNameClaimsAnotherAllowedType() throws IOException {
        AttachmentType.Detected photoAsPdf = detect("plan.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertNull(photoAsPdf.type());
        assertEquals(AttachmentType.Verdict.DISGUISED, photoAsPdf.refusal());
        assertEquals(AttachmentType.Verdict.DISGUISED, detectZip("plan.pptx", "[Content_Types].xml", "word/document.xml").refusal());
    }

    @Test
    void keepsOnlyTheFileNameOfWhatWasSent() {
        assertEquals("plan.pdf", Attachments.cleanName("C:\\Users\\siti\\plan.pdf"));
        assertEquals("plan.pdf", Attachments.cleanName("../../etc/plan.pdf"));
        assertEquals("file", Attachments.cleanName("  "));
        assertEquals("rapport final.pdf", Attachments.cleanName("rapport\u0000 final\".pdf".replace("\" ", " ")));
    }

    private AttachmentType.Detected detect(String name, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), content);
        return AttachmentType.detect(file, name);
    }

    private AttachmentType.Detected detectZip(String name, String... entries) throws IOException {
        Path file = dir.resolve("zip-" + System.nanoTime());
        try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write('x');
                zip.closeEntry();
            }
        }
        return AttachmentType.detect(file, name);
    }
}
