package org.hamkke.academy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class CheckInQrTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final Pattern VIEW = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"", Pattern.CASE_INSENSITIVE);

    /** Paints the SVG's runs as a phone's camera would see them, and reads the code back. */
    public static String decode(String svg) throws Exception {
        Matcher view = VIEW.matcher(svg);
        assertTrue(view.find(), svg);
        int size = Integer.parseInt(view.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale, Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void theCodeReadsBackAsTheCheckInAddress() throws Exception {
        String address = "https://portal.example.org/me/check-in.xhtml?code=ABC234";
        String svg = CheckInQr.svg(address, "QR code, code ABC 234");
        assertEquals(address, decode(svg));
        assertTrue(svg.length() < 12_000, "A few kilobytes on the page: " + svg.length());
    }

    @Test
    void theLabelIsEscaped() {
        String svg = CheckInQr.svg("x", "a \"quoted\" <b> & more");
        assertTrue(svg.contains("aria-label=\"a &quot;quoted&quot; &lt;b&gt; &amp; more\""), svg);
    }
}
