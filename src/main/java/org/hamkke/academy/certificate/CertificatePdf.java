package org.hamkke.academy.certificate;

import io.nayuki.qrcodegen.QrCode;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutFontManager;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The certificate as a one-page PDF (A4 landscape) in the holder's language.
 *
 * <p>Why OpenPDF, and how the text is laid out (CertificateLibraryComparisonTest holds the
 * comparison): OpenPDF's glyph layout hands each run of text to the JDK's own OpenType shaper
 * (HarfBuzz, through {@link Font#layoutGlyphVector}), which applies the font's GSUB and GPOS
 * tables: Arabic joins and ligatures, and Urdu's Nastaliq, whose letters climb diagonally on
 * each other and whose dots are separate glyphs placed by the font, come out as the font's
 * designers drew them. Libraries that shape with Unicode presentation forms (openhtmltopdf with
 * ICU4J) cannot draw Nastaliq at all: Noto Nastaliq Urdu maps 25 of the 832 presentation forms.
 *
 * <p>The page's reading order is resolved here, not in the library: each line is split into
 * directional runs by {@link Bidi} with the language's base direction (so a Latin cohort name or
 * verification code inside an Arabic line lands where a reader expects it), the runs are placed
 * in visual order, and each run is shaped in its own direction. Every line is wrapped in a
 * marked-content span carrying its logical text as ActualText (ISO 32000-1, 14.9.4): shaped
 * glyphs cannot map back to their letters one by one (a Nastaliq dot is its own glyph), so
 * copying, searching and screen readers use that text instead.
 *
 * <p>Fonts are read once, here, and shared by every rendering: OpenPDF's fonts are reusable
 * across documents (what a document uses is kept by its own writer) and the AWT fonts are only
 * read after loading; each line gets its own small layout object. An instance is thus safe to
 * share between threads (CertificatePdfTest renders in parallel).
 */
public class CertificatePdf {

    /** The font families: the Latin script, Arabic in Naskh style, and Urdu in Nastaliq. */
    private enum Face {
        SANS("NotoSans-Regular.ttf", 1f),
        SANS_BOLD("NotoSans-Bold.ttf", 1f),
        NASKH("NotoNaskhArabic-Regular.ttf", 1.05f),
        NASKH_BOLD("NotoNaskhArabic-Bold.ttf", 1.05f),
        NASTALIQ("NotoNastaliqUrdu-Regular.ttf", 0.9f),
        NASTALIQ_BOLD("NotoNastaliqUrdu-Bold.ttf", 0.9f);

        final String file;
        /** Nastaliq is set smaller: at the same size its letters are much taller than Latin ones. */
        final float scale;

        Face(String file, float scale) {
            this.file = file;
            this.scale = scale;
        }
    }

    private static final Rectangle PAGE = PageSize.A4.rotate();
    private static final Color BRAND = new Color(0x0f, 0x6e, 0x5a);
    private static final Color BRAND_DARK = new Color(0x0b, 0x55, 0x46);
    private static final Color ACCENT = new Color(0xe0, 0xa5, 0x26);
    private static final Color TEXT = new Color(0x1f, 0x2a, 0x2e);
    private static final Color MUTED = new Color(0x5b, 0x6b, 0x70);
    private static final float MARGIN = 60;
    private static final float QR_SIDE = 100;
    private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");

    private final GlyphLayoutFontManager fontManager = new GlyphLayoutFontManager()
            .setDefaultFontOptions(new GlyphLayoutFontManager.FontOptions().setKerningOn().setLigaturesOn());
    private final Map<Face, BaseFont> fonts = new EnumMap<>(Face.class);

    public CertificatePdf() {
        var loader = new GlyphLayoutManager(fontManager);
        for (Face face : Face.values()) {
            try (InputStream in = CertificatePdf.class.getResourceAsStream("fonts/" + face.file)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing from the build: fonts/" + face.file);
                }
                fonts.put(face, loader.loadFont(face.file, in, 12).getBaseFont());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GlyphLayoutFontManager.FontLoadException e) {
                throw new IllegalStateException("Cannot load fonts/" + face.file, e);
            }
        }
    }

    public byte[] render(CertificateContent content) {
        var out = new ByteArrayOutputStream(64 * 1024);
        render(content, out);
        return out.toByteArray();
    }

    public void render(CertificateContent content, OutputStream out) {
        var texts = new CertificateTexts(content.language());
        var document = new Document(PAGE, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(content.languageCode()));
            document.addTitle(texts.text("title") + ": " + content.holderName());
            document.addSubject(content.courseTitle());
            document.addAuthor(texts.text("issuer"));
            document.addCreator("Hamkke");
            document.open();
            new Page(writer.getDirectContent(), content, texts).draw();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the certificate of " + content.verificationCode(), e);
        }
    }

    /** One certificate being drawn. */
    private final class Page {

        private final PdfContentByte cb;
        private final CertificateContent content;
        private final CertificateTexts texts;
        private final boolean rtl;
        private final Face regular;
        private final Face bold;

        Page(PdfContentByte cb, CertificateContent content, CertificateTexts texts) {
            this.cb = cb;
            this.content = content;
            this.texts = texts;
            this.rtl = content.rightToLeft();
            this.regular = switch (content.languageCode()) {
                case "ar" -> Face.NASKH;
                case "ur" -> Face.NASTALIQ;
                default -> Face.SANS;
            };
            this.bold = switch (regular) {
                case NASKH -> Face.NASKH_BOLD;
                case NASTALIQ -> Face.NASTALIQ_BOLD;
                default -> Face.SANS_BOLD;
            };
        }

        void draw() {
            frame();
            float center = PAGE.getWidth() / 2;
            float wide = PAGE.getWidth() - 2 * MARGIN - 40;
            line(texts.text("issuer"), regular, 14, BRAND, center, 524);
            line(texts.text("title"), bold, 34, BRAND_DARK, center, 458);
            line(texts.text("certifies"), regular, 15, MUTED, center, 408);
            line(content.holderName(), bold, 30, TEXT, center, 362);
            line(texts.text("completed"), regular, 15, MUTED, center, 318);
            float y = 280;
            List<String> course = wrap(content.courseTitle(), bold, 22, wide);
            for (String part : course) {
                line(part, bold, 22, TEXT, center, y);
                y -= 30;
            }
            y -= 8;
            line(texts.format("cohort", content.cohortName(), texts.date(content.start()), texts.date(content.end())),
                    regular, 14, TEXT, center, y);
            line(texts.format("issued", texts.date(content.issued())), regular, 13, MUTED, center, y - 28);
            footer();
        }

        /** The QR code on the side where lines end, its explanation and the code beside it. */
        private void footer() {
            float qrX = rtl ? MARGIN : PAGE.getWidth() - MARGIN - QR_SIDE;
            float bottom = 52;
            qr(content.verifyUrl().toString(), qrX, bottom, QR_SIDE);
            float textLeft = rtl ? qrX + QR_SIDE + 24 : MARGIN;
            float textRight = rtl ? PAGE.getWidth() - MARGIN : qrX - 24;
            float center = (textLeft + textRight) / 2;
            float width = textRight - textLeft;
            float y = bottom + QR_SIDE - 22;
            for (String part : wrap(texts.text("verify"), regular, 10.5f, width)) {
                line(part, regular, 10.5f, MUTED, center, y);
                y -= 17;
            }
            // The address is ASCII and read left to right in every language.
            float urlSize = Math.min(11, 11 * width / Math.max(width, measure(content.verifyUrl().toString(), Face.SANS, 11, false)));
            lineIn(content.verifyUrl().toString(), Face.SANS, urlSize, BRAND, center, y - 2, false);
            line(texts.format("code", content.verificationCode()), bold, 13, TEXT, center, bottom + 4);
        }

        private void frame() {
            cb.saveState();
            cb.setColorStroke(BRAND);
            cb.setLineWidth(3);
            cb.rectangle(22, 22, PAGE.getWidth() - 44, PAGE.getHeight() - 44);
            cb.stroke();
            cb.setColorStroke(ACCENT);
            cb.setLineWidth(0.8f);
            cb.rectangle(31, 31, PAGE.getWidth() - 62, PAGE.getHeight() - 62);
            cb.stroke();
            cb.restoreState();
        }

        /**
         * The verification address as a QR code drawn in vectors (sharp at any zoom, a few hundred
         * bytes), with the quiet zone of four modules the standard asks for.
         */
        private void qr(String text, float x, float y, float side) {
            QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
            int modules = code.size + 8;
            float unit = side / modules;
            cb.saveState();
            cb.setColorFill(Color.WHITE);
            cb.rectangle(x, y, side, side);
            cb.fill();
            cb.setColorFill(Color.BLACK);
            for (int row = 0; row < code.size; row++) {
                for (int col = 0; col < code.size; col++) {
                    if (code.getModule(col, row)) {
                        cb.rectangle(x + (col + 4) * unit, y + side - (row + 5) * unit, unit, unit);
                    }
                }
            }
            cb.fill();
            cb.restoreState();
        }

        private void line(String text, Face face, float size, Color color, float center, float baseline) {
            lineIn(text, face, size, color, center, baseline, rtl);
        }

        /**
         * One line centred on {@code center}: split into directional runs, placed in visual order,
         * each shaped in its own direction, all inside one span whose ActualText is the line as
         * written.
         */
        private void lineIn(String text, Face face, float size, Color color, float center, float baseline, boolean rightToLeft) {
            BaseFont font = fonts.get(face);
            float scaled = size * face.scale;
            List<Run> runs = visualRuns(text, rightToLeft);
            float[] offsets = offsets(runs, font, scaled);
            float left = center - offsets[runs.size()] / 2;
            var span = new PdfDictionary();
            span.put(ACTUAL_TEXT, new PdfString(text, PdfObject.TEXT_UNICODE));
            cb.beginMarkedContentSequence(PdfName.SPAN, span, true);
            cb.setColorFill(color);
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                cb.beginText();
                cb.setFontAndSize(font, scaled);
                cb.setTextMatrix(left + offsets[i], baseline);
                run.layout().showText(cb, font, scaled, run.text());
                // A shaped glyph may be raised or lowered (Nastaliq's cascade): the rise is graphics
                // state and outlives the text object, so it goes back to zero before the next run.
                cb.setTextRise(0);
                cb.endText();
            }
            cb.endMarkedContentSequence();
        }

        /**
         * Where each run starts from the line's left edge, and (last) the line's width. Where the
         * direction changes a little air is added: the space between a Latin word and an Urdu one
         * belongs to one run only, and Nastaliq's sweeping final letters can swallow it.
         */
        private float[] offsets(List<Run> runs, BaseFont font, float size) {
            float[] offsets = new float[runs.size() + 1];
            float x = 0;
            for (int i = 0; i < runs.size(); i++) {
                if (i > 0 && runs.get(i).layout().rightToLeft != runs.get(i - 1).layout().rightToLeft) {
                    x += size * 0.15f;
                }
                offsets[i] = x;
                x += runs.get(i).width(font, size);
            }
            offsets[runs.size()] = x;
            return offsets;
        }

        private float measure(String text, Face face, float size, boolean rightToLeft) {
            List<Run> runs = visualRuns(text, rightToLeft);
            return offsets(runs, fonts.get(face), size * face.scale)[runs.size()];
        }

        /** Breaks a text between words so that no line is wider than {@code width}. */
        private List<String> wrap(String text, Face face, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && measure(candidate, face, size, rtl) > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                } else {
                    current.setLength(0);
                    current.append(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private List<Run> visualRuns(String text, boolean rightToLeft) {
            var bidi = new Bidi(text, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
            int count = bidi.getRunCount();
            Run[] runs = new Run[count];
            byte[] levels = new byte[count];
            for (int i = 0; i < count; i++) {
                levels[i] = (byte) bidi.getRunLevel(i);
                runs[i] = new Run(text.substring(bidi.getRunStart(i), bidi.getRunLimit(i)),
                        new DirectedLayout(fontManager, (levels[i] & 1) == 1));
            }
            Bidi.reorderVisually(levels, 0, runs, 0, count);
            return List.of(runs);
        }
    }

    /** A run of one direction, as it is shaped and shown. */
    private record Run(String text, DirectedLayout layout) {
        float width(BaseFont font, float size) {
            var glyphs = layout.computeGlyphVector(font, size, text);
            return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
        }
    }

    /**
     * OpenPDF's glyph layout with the direction given rather than guessed: the runs come from the
     * line's own bidi resolution, where a run of digits or of punctuation takes its direction from
     * its surroundings, which the run's text alone cannot tell.
     */
    private static final class DirectedLayout extends GlyphLayoutManager {

        private final boolean rightToLeft;

        DirectedLayout(GlyphLayoutFontManager fonts, boolean rightToLeft) {
            super(fonts);
            this.rightToLeft = rightToLeft;
        }

        @Override
        protected int computeBidiFlags(String text) {
            return rightToLeft ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
        }

        @Override
        protected boolean ifMixedThenDivideTextAndShow(PdfContentByte cb, BaseFont font, float size, String text) {
            return false;
        }
    }
}
