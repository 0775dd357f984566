package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

/**
 * How the certificate's PDF library was chosen: the same Arabic and Urdu line, in the same Noto
 * fonts, through each candidate, read back with PDFBox (text) and rendered to pixels (the PNGs in
 * target/certificate-comparison were looked at, too). Kept so that the choice can be checked
 * again when a library moves.
 *
 * <p>What it showed (OpenPDF 3.0.5, openhtmltopdf 1.1.31 with its ICU4J bidi support):
 * <ul>
 *   <li>OpenPDF (glyph layout through the JDK's HarfBuzz): Arabic joined, in order, with its
 *       ligatures; Urdu in real Nastaliq (the diagonal cascade, the dots where the font puts them);
 *       both read back in logical order, exactly.
 *   <li>openhtmltopdf: Arabic right (ICU turns letters into Unicode presentation forms, which Noto
 *       Naskh maps), but Urdu blank but for the colon: Noto Nastaliq Urdu maps 25 of the 832
 *       presentation forms, as a Nastaliq font does, since Nastaliq cannot be drawn from isolated
 *       letter shapes; it needs the font's own OpenType substitutions and positions, which
 *       openhtmltopdf does not apply. It also brings ICU4J (12 MB) along.
 * </ul>
 */
class CertificateLibraryComparisonTest {

    static final String AR = "شهادة إتمام: أساسيات الاقتصاد الاجتماعي والتضامني";
    static final String UR = "تکمیل کی سند: سماجی اور یکجہتی معیشت کی بنیادیں";
    static final String NASKH = "NotoNaskhArabic-Regular.ttf";
    static final String NASTALIQ = "NotoNastaliqUrdu-Regular.ttf";
    static final Path OUT = Path.of("target", "certificate-comparison");

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(OUT);
    }

    @Test
    void openPdfShapesArabicAndNastaliqAndReadsBackInLogicalOrder() throws Exception {
        Reading arabic = read("openpdf-ar", openPdf(NASKH, AR));
        Reading urdu = read("openpdf-ur", openPdf(NASTALIQ, UR));
        assertEquals(AR, arabic.text());
        assertEquals(UR, urdu.text());
        assertTrue(urdu.ink() > 2000, "Urdu drawn: " + urdu.ink() + " dark pixels");
    }

    @Test
    void openHtmlToPdfDrawsArabicButLeavesNastaliqBlank() throws Exception {
        Reading arabic = read("openhtmltopdf-ar", openHtml(NASKH, AR));
        Reading urdu = read("openhtmltopdf-ur", openHtml(NASTALIQ, UR));
        Reading reference = read("openpdf-ur", openPdf(NASTALIQ, UR));
        assertEquals(AR, arabic.text());
        assertTrue(urdu.ink() * 10 < reference.ink(),
                "openhtmltopdf's Urdu has " + urdu.ink() + " dark pixels, OpenPDF's " + reference.ink());
        assertTrue(presentationForms(NASTALIQ) < 50, "the Nastaliq font maps almost no presentation forms");
        assertTrue(presentationForms(NASKH) > 700, "the Naskh font maps them, which is why Arabic works");
    }

    record Reading(String text, long ink) {}

    static Reading read(String name, byte[] pdf) throws IOException {
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (var read = new PdfReadBack(pdf)) {
            BufferedImage page = read.render(110);
            ImageIO.write(page, "png", OUT.resolve(name + ".png").toFile());
            long ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                        ink++;
                    }
                }
            }
            return new Reading(read.glyphText().strip(), ink);
        }
    }

    static byte[] font(String file) {
        try (InputStream in = CertificateLibraryComparisonTest.class.getResourceAsStream("fonts/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int presentationForms(String file) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font(file)));
        int mapped = 0;
        for (int c = 0xFB50; c <= 0xFDFF; c++) {
            mapped += font.canDisplay(c) ? 1 : 0;
        }
        for (int c = 0xFE70; c <= 0xFEFF; c++) {
            mapped += font.canDisplay(c) ? 1 : 0;
        }
        return mapped;
    }

    /** OpenPDF as the certificate uses it, reduced to one centred line. */
    static byte[] openPdf(String fontFile, String text) throws Exception {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A5.rotate());
        var writer = PdfWriter.getInstance(doc, out);
        doc.open();
        var glm = new GlyphLayoutManager().setWriteActualText(true);
        BaseFont bf = glm.loadFont(fontFile, new ByteArrayInputStream(font(fontFile)), 22).getBaseFont();
        PdfContentByte cb = writer.getDirectContent();
        var glyphs = glm.computeGlyphVector(bf, 22, text);
        float width = (float) glyphs.getLogicalBounds().getWidth();
        cb.beginText();
        cb.setFontAndSize(bf, 22);
        cb.setTextMatrix((doc.getPageSize().getWidth() - width) / 2, 200);
        glm.showText(cb, bf, 22, text);
        cb.endText();
        doc.close();
        return out.toByteArray();
    }

    /** openhtmltopdf with its right-to-left support (ICU4J bidi and Arabic shaping). */
    static byte[] openHtml(String fontFile, String text) throws Exception {
        var out = new ByteArrayOutputStream();
        String html = "<html dir=\"rtl\"><head><style>@page { size: A5 landscape; } "
                + "body { font-family: 'cert'; font-size: 22pt; text-align: center; }</style></head>"
                + "<body dir=\"rtl\"><p>" + text + "</p></body></html>";
        new PdfRendererBuilder()
                .useFont(() -> new ByteArrayInputStream(font(fontFile)), "cert")
                .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new ICUBidiReorderer())
                .defaultTextDirection(BaseRendererBuilder.TextDirection.RTL)
                .withHtmlContent(html, null)
                .toStream(out)
                .run();
        return out.toByteArray();
    }
}
