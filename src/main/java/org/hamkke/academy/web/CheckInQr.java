package org.hamkke.academy.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an inline SVG: one path of horizontal runs (a few kilobytes, crisp at any size,
 * no image request, nothing for the page's policy to allow), with the quiet zone of four modules
 * the standard asks for, black on white whatever the page's colours.
 */
public final class CheckInQr {

    static final int BORDER = 4;

    private CheckInQr() {}

    /**
     * @param text  what the code encodes (the check-in address)
     * @param label what a screen reader says instead of the picture
     */
    public static String svg(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder(qr.size * qr.size / 2);
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < qr.size && qr.getModule(x + run, y)) {
                    run++;
                }
                path.append('M').append(x + BORDER).append(' ').append(y + BORDER).append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" aria-label=\""
                + escape(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
