package org.hamkke.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are recognised from their bytes; a name that claims another type is a disguise; a kept file is named after its content. */
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
    }

    @Test
    void recognisesLegacyOfficeFilesByTheStreamsInTheirContainer() throws IOException {
        assertEquals(AttachmentType.DOC, detectCfb("letter.doc", 3,
                stream("\u0001CompObj"), stream("WordDocument"), stream("1Table"), stream("\u0005SummaryInformation")).type());
        assertEquals(AttachmentType.XLS, detectCfb("budget.xls", 4, stream("Workbook"), stream("\u0005SummaryInformation")).type());
        assertEquals(AttachmentType.XLS, detectCfb("budget-1995.xls", 3, stream("Book")).type(), "Excel 5/95 calls it Book");
        // Eight entries: the directory runs over two sectors, chained through the FAT.
        assertEquals(AttachmentType.PPT, detectCfb("slides.ppt", 3, stream("Current User"), stream("PowerPoint Document"),
                stream("Pictures"), stream("\u0005SummaryInformation"), stream("\u0005DocumentSummaryInformation"),
                storage("_VBA_PROJECT_CUR", stream("VBA"))).type());
        // The name does not decide: a Word file without an extension is still Word, and is named so.
        AttachmentType.Detected unnamed = detectCfb("letter", 3, stream("WordDocument"));
        assertEquals(AttachmentType.DOC, unnamed.type());
        assertEquals("letter.doc", unnamed.type().fileName("letter"));
        // A spreadsheet embedded in a letter is the letter's business: still a Word file.
        assertEquals(AttachmentType.DOC, detectCfb("report.doc", 3, stream("WordDocument"),
                storage("ObjectPool", storage("_1234", stream("Workbook")))).type());
    }

    @Test
    void refusesOtherCompoundFilesAndBrokenOnes() throws IOException {
        // An installer or an Outlook message shares the container but none of the streams.
        AttachmentType.Detected installer = detectCfb("setup.msi", 3, stream("\u4840\u3f3f\u4577"), stream("\u0005SummaryInformation"));
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED, installer.refusal());
        assertEquals(AttachmentType.Verdict.DISGUISED, detectCfb("minutes.doc", 3, stream("__substg1.0_0037001F")).refusal());
        // Word content under a spreadsheet's name: the content decides, and it is not what the name says.
        assertEquals(AttachmentType.Verdict.DISGUISED, detectCfb("budget.xls", 3, stream("WordDocument")).refusal());
        // The signature alone, and a cut-off file, are no compound file.
        byte[] signatureOnly = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        assertEquals(AttachmentType.Verdict.DISGUISED, detect("old.xls", signatureOnly).refusal());
        byte[] whole = Files.readAllBytes(CompoundFiles.write(dir.resolve("whole"), stream("WordDocument")));
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED, detect("cut", java.util.Arrays.copyOf(whole, 700)).refusal());
    }

    @Test
    void aDirectoryThatLoopsIsRefusedAndDoesNotHang() throws IOException {
        Path file = CompoundFiles.write(dir.resolve("loop"), stream("Data"), stream("More"));
        byte[] bytes = Files.readAllBytes(file);
        // Entry 2's right sibling pointed back at entry 1: a crafted cycle in the tree.
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(2 * 512 + 2 * 128 + 0x48, 1);
        Files.write(file, bytes);
        AttachmentType.Detected looped = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> AttachmentType.detect(file, "loop.doc"));
        assertEquals(AttachmentType.Verdict.DISGUISED, looped.refusal());

        Path chain = CompoundFiles.write(dir.resolve("chain"), stream("WordDocument"));
        bytes = Files.readAllBytes(chain);
        // The directory's sector chained to itself in the FAT.
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(512 + 4, 1);
        Files.write(chain, bytes);
        assertNull(assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> AttachmentType.detect(chain, "chain.doc")).type());
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
        assertEquals("tab and bell.pdf", Attachments.cleanName("tab\u0085 and\u0007 bell.pdf"));
    }

    @Test
    void directionAndOtherInvisibleCharactersAreRemoved() {
        // Shown as "reportlmth.pdf" (the override reverses what follows): really an .html name.
        assertEquals("reportfdp.html", Attachments.cleanName("report\u202Efdp.html"));
        for (char hidden : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
            '\u200E', '\u200F', '\u061C', '\u2028', '\u2029', '\uFEFF'}) {
            assertEquals("budget.pdf", Attachments.cleanName("bud" + hidden + "get.pdf"), () -> "U+" + Integer.toHexString(hidden));
        }
        // The zero-width non-joiner is part of how Urdu and Persian are written: it stays.
        assertEquals("\u0631\u067E\u0648\u0631\u0679\u200C\u0646\u0627\u0645\u06C1.pdf",
                Attachments.cleanName("\u0631\u067E\u0648\u0631\u0679\u200C\u0646\u0627\u0645\u06C1.pdf"));
    }

    @Test
    void aKeptFileIsNamedAfterItsContent() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        // An extension of no allowed type does not make a disguise; the name is made to tell the truth.
        AttachmentType.Detected photo = detect("photo.exe", png);
        assertEquals(AttachmentType.PNG, photo.type());
        assertEquals("photo.png", photo.type().fileName("photo.exe"));
        String sent = Attachments.cleanName("report\u202Efdp.html");
        assertEquals(AttachmentType.PDF, detect(sent, pdf).type());
        assertEquals("reportfdp.pdf", AttachmentType.PDF.fileName(sent));
        // HTML is no allowed type, whatever the name shows.
        assertEquals(AttachmentType.Verdict.NOT_ALLOWED,
                detect(sent, "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)).refusal());

        assertEquals("scan.JPG", AttachmentType.JPEG.fileName("scan.JPG"), "The type's own extension stays as written");
        assertEquals("scan.jpeg", AttachmentType.JPEG.fileName("scan.jpeg"));
        assertEquals("budget.pdf", AttachmentType.PDF.fileName("budget"));
        assertEquals("Report v2.1 final.pdf", AttachmentType.PDF.fileName("Report v2.1 final"), "No extension to replace");
        assertEquals("archive.tar.pdf", AttachmentType.PDF.fileName("archive.tar.gz"));
        assertEquals("file.pdf", AttachmentType.PDF.fileName(".pdf"));
        assertEquals("budget.pdf", AttachmentType.PDF.fileName("budget.pdf. "));
        String longName = AttachmentType.PDF.fileName("\uD83C\uDF3E".repeat(200) + ".exe");
        assertEquals(AttachmentType.MAX_NAME, longName.codePointCount(0, longName.length()));
        assertTrue(longName.endsWith("\uD83C\uDF3E.pdf"), "Cut between characters, extension kept");

        // Trailing dots do not hide what a name claims (Windows drops them).
        assertEquals(AttachmentType.Verdict.DISGUISED, detect("budget.pdf.", png).refusal());
    }

    private AttachmentType.Detected detect(String name, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), content);
        return AttachmentType.detect(file, name);
    }

    private AttachmentType.Detected detectCfb(String name, int version, CompoundFiles.Entry... entries) throws IOException {
        Path file = CompoundFiles.write(dir.resolve("cfb-" + System.nanoTime()), version, entries);
        return AttachmentType.detect(file, name);
    }

    private static CompoundFiles.Entry stream(String name) {
        return CompoundFiles.Entry.stream(name);
    }

    private static CompoundFiles.Entry storage(String name, CompoundFiles.Entry... children) {
        return CompoundFiles.Entry.storage(name, children);
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
