package org.hamkke.academy.certificate;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The certificate's words in its language, from the portal's message bundle (keys
 * {@code academy.certificate.*}), and its dates as the portal writes long dates in that language.
 */
final class CertificateTexts {

    private static final String BUNDLE = "org.hamkke.i18n.Messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    CertificateTexts(Locale locale) {
        this.locale = Locale.forLanguageTag(locale.toLanguageTag());
        // Never the server's own locale as a fallback: English is the base bundle.
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String text(String key) {
        return bundle.getString("academy.certificate." + key);
    }

    /** A text with placeholders is a MessageFormat pattern, as everywhere in the bundle. */
    String format(String key, Object... values) {
        return new MessageFormat(text(key), locale).format(values);
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
