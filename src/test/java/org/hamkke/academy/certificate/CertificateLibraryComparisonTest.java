package org.hamkke.academy.certificate;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

class CertificateLibraryComparisonTest {

    static final String AR = "شهادة إتمام: أساسيات الاقتصاد الاجتماعي والتضامني";
    static final String UR = "تکمیل کی سند: سماجی اور یکجہتی معیشت کی بنیادیں";
    static final Path OUT = Path.of("target", "certificate-comparison");

    @Test
    void compare() throws Exception {
        Files.createDirectories(OUT);
        report("openpdf-ar", openPdf("NotoNaskhArabic-Regular.ttf", AR), AR);
        report("openpdf-ur", openPdf("NotoNastaliqUrdu-Regular.ttf", UR), UR);
        report("openhtmltopdf-ar", openHtml("NotoNaskhArabic-Regular.ttf", AR), AR);
        report("openhtmltopdf-ur", openHtml("NotoNastaliqUrdu-Regular.ttf", UR), UR);
    }

    static byte[] font(String file) {
        try (InputStream in = CertificateLibraryComparisonTest.class.getResourceAsStream("fonts/" + file)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] openPdf(String fontFile, String text) throws Exception {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A5.rotate());
        var writer = PdfWriter.getInstance(doc, out);
        doc.open();
        var glm = new GlyphLayoutManager().setWriteActualText(true);
        var font = glm.loadFont(fontFile, new java.io.ByteArrayInputStream(font(fontFile)), 22);
        BaseFont bf = font.getBaseFont();
        PdfContentByte cb = writer.getDirectContent();
        var gv = glm.computeGlyphVector(bf, 22, text);
        float width = (float) gv.getLogicalBounds().getWidth();
        cb.beginText();
        cb.setFontAndSize(bf, 22);
        cb.setTextMatrix((doc.getPageSize().getWidth() - width) / 2, 200);
        glm.showText(cb, bf, 22, text);
        cb.endText();
        doc.close();
        return out.toByteArray();
    }

    static byte[] openHtml(String fontFile, String text) throws Exception {
        var out = new ByteArrayOutputStream();
        String html = "<html dir=\"rtl\"><head><style>@page { size: A5 landscape; } body { font-family: 'cert'; font-size: 22pt; text-align: center; }</style></head>"
                + "<body dir=\"rtl\"><p>" + text + "</p></body></html>";
        new PdfRendererBuilder()
                .useFont(() -> new java.io.ByteArrayInputStream(font(fontFile)), "cert")
                .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new ICUBidiReorderer())
                .defaultTextDirection(BaseRendererBuilder.TextDirection.RTL)
                .withHtmlContent(html, null)
                .toStream(out)
                .run();
        return out.toByteArray();
    }

    static void report(String name, byte[] pdf, String expected) throws Exception {
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (var read = new PdfReadBack(pdf)) {
            String text = read.glyphText().strip();
            ImageIO.write(read.render(110), "png", OUT.resolve(name + ".png").toFile());
            System.out.printf("%s: %d bytes, text equal=%s%n  got:  %s%n  want: %s%n  actual: %s%n", name, pdf.length, text.equals(expected), text, expected, read.actualTexts());
        }
    }
}
