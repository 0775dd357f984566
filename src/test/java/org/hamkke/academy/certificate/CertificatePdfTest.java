package org.hamkke.academy.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    static final Path OUT = Path.of("target", "certificates");
    static CertificatePdf pdf;

    @BeforeAll
    static void load() throws Exception {
        pdf = new CertificatePdf();
        Files.createDirectories(OUT);
    }

    @Test
    void samples() throws Exception {
        for (CertificateContent c : CertificateSamples.all()) {
            byte[] bytes = pdf.render(c);
            Files.write(OUT.resolve("certificate-" + c.languageCode() + ".pdf"), bytes);
            try (var read = new PdfReadBack(bytes)) {
                ImageIO.write(read.render(96), "png", OUT.resolve("certificate-" + c.languageCode() + ".png").toFile());
                System.out.println(c.languageCode() + " " + bytes.length + " bytes\n" + read.glyphText() + "\n" + read.actualTexts());
            }
        }
    }
}
