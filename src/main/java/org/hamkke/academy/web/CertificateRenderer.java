package org.hamkke.academy.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hamkke.academy.certificate.CertificateContent;
import org.hamkke.academy.certificate.CertificatePdf;
import org.hamkke.shared.db.SchemaReady;

/**
 * The one certificate renderer of this instance: fonts read once, safe to share between requests.
 * Its cold path (reading six fonts, then the JDK's font engine and the first Nastaliq line: 1.5 to
 * 3 s on two cores, BENCHMARKS.md) is taken at start, on a thread of its own, with an Arabic and
 * an Urdu certificate nobody sees, so that no learner's download waits for it.
 */
@ApplicationScoped
public class CertificateRenderer {

    private static final Logger LOG = Logger.getLogger(CertificateRenderer.class.getName());

    @Resource
    ManagedThreadFactory threads;

    private volatile CertificatePdf pdf;

    void warm(@Observes SchemaReady ready) {
        Thread warming = threads.newThread(() -> {
            try {
                long started = System.nanoTime();
                for (String language : new String[] {"ar", "ur"}) {
                    render(new CertificateContent("Hamkke", "Hamkke", "Hamkke", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1),
                            LocalDate.of(2027, 1, 1), "HK-0000-0000-0000-0000", URI.create("https://hamkke.example/"),
                            URI.create("https://hamkke.example/"), Locale.forLanguageTag(language)));
                }
                LOG.fine(() -> "Certificate renderer warm in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Warming the certificate renderer failed; the first download will be slower", e);
            }
        });
        warming.setName("hamkke-certificate-warm-up");
        warming.setPriority(Thread.MIN_PRIORITY);
        warming.start();
    }

    public byte[] render(CertificateContent content) {
        CertificatePdf renderer = pdf;
        if (renderer == null) {
            synchronized (this) {
                renderer = pdf;
                if (renderer == null) {
                    renderer = new CertificatePdf();
                    pdf = renderer;
                }
            }
        }
        return renderer.render(content);
    }
}
