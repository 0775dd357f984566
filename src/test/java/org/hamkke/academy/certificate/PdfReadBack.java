package org.hamkke.academy.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF back with PDFBox, as a reader's tools would: the text from the glyphs' ToUnicode
 * map (what copy and search use when no better source exists), the ActualText of marked content
 * (the logical text a producer attaches to shaped glyphs, ISO 32000-1 14.9.4), and the page as
 * pixels.
 */
final class PdfReadBack implements AutoCloseable {

    private final PDDocument doc;

    PdfReadBack(byte[] pdf) throws IOException {
        this.doc = Loader.loadPDF(pdf);
    }

    int pages() {
        return doc.getNumberOfPages();
    }

    /** Text as PDFBox's stripper extracts it from the glyphs' Unicode mappings and positions. */
    String glyphText() throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    /** The ActualText of every marked-content sequence on the first page, in content order. */
    List<String> actualTexts() throws IOException {
        var extractor = new PDFMarkedContentExtractor();
        PDPage page = doc.getPage(0);
        extractor.processPage(page);
        var texts = new ArrayList<String>();
        collect(extractor.getMarkedContents(), texts);
        return texts;
    }

    private static void collect(List<?> contents, List<String> into) {
        for (Object o : contents) {
            if (o instanceof PDMarkedContent mc) {
                if (mc.getActualText() != null) {
                    into.add(mc.getActualText());
                }
                collect(mc.getContents(), into);
            }
        }
    }

    BufferedImage render(float dpi) throws IOException {
        return new PDFRenderer(doc).renderImageWithDPI(0, dpi);
    }

    PDDocument document() {
        return doc;
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
