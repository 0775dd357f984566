package org.hamkke.academy.certificate;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A completed learner in each of the portal's languages, as the academy would describe them. */
final class CertificateSamples {

    static final String CODE = "HK-7Q2M-9XFA";

    private CertificateSamples() {}

    static CertificateContent en() {
        return sample("en", "Grace Wanjiru", "Foundations of the social and solidarity economy", "Spring 2026");
    }

    static CertificateContent fr() {
        return sample("fr", "Aminata Diallo", "Fondements de l'économie sociale et solidaire", "Printemps 2026");
    }

    static CertificateContent id() {
        return sample("id", "Siti Rahmawati", "Dasar-dasar ekonomi sosial dan solidaritas", "Musim semi 2026");
    }

    /** The cohort's name is in Latin letters, as staff often write it: a mixed-direction line. */
    static CertificateContent ar() {
        return sample("ar", "فاطمة الزهراء بن علي", "أساسيات الاقتصاد الاجتماعي والتضامني", "SSE-2026-A");
    }

    static CertificateContent ur() {
        return sample("ur", "عائشہ صدیقی", "سماجی اور یکجہتی معیشت کی بنیادیں", "بہار 2026");
    }

    static List<CertificateContent> all() {
        return List.of(en(), fr(), id(), ar(), ur());
    }

    static CertificateContent sample(String language, String holder, String course, String cohort) {
        return withCode(language, holder, course, cohort, CODE);
    }

    static CertificateContent withCode(String language, String holder, String course, String cohort, String code) {
        return new CertificateContent(holder, course, cohort, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 24),
                LocalDate.of(2026, 4, 30), code, URI.create("https://portal.hamkke.example/certificates/verify/" + code),
                URI.create("https://portal.hamkke.example/academy/courses/12"), Locale.forLanguageTag(language));
    }
}
