package org.hamkke.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The five languages the founding organisations publish in, and how the portal picks one.
 *
 * <p>Order of preference: the language the person just chose (a {@code lang} parameter), the one
 * remembered in their cookie, the one on their profile (Keycloak's locale at sign-in), then the
 * browser's Accept-Language, then English.
 */
public final class Languages {

    public static final String DEFAULT = "en";

    /** In the order the language switch shows them. */
    public static final List<String> SUPPORTED = List.of("en", "ar", "fr", "id", "ur");

    private static final List<String> RIGHT_TO_LEFT = List.of("ar", "ur");

    private Languages() {}

    public static boolean isSupported(String language) {
        return language != null && SUPPORTED.contains(normalise(language));
    }

    /** "fr-CA" becomes "fr", "in" (Java's old code for Indonesian) becomes "id". */
    static String normalise(String language) {
        String tag = language.trim().replace('_', '-');
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return primary.equals("in") ? "id" : primary;
    }

    public static String supportedOrNull(String language) {
        return isSupported(language) ? normalise(language) : null;
    }

    public static boolean isRightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }

    /** Picks the first supported language among the candidates, in their order of preference. */
    public static String resolve(String chosen, String remembered, String profile, List<Locale> browser) {
        for (String candidate : new String[] {chosen, remembered, profile}) {
            if (isSupported(candidate)) {
                return normalise(candidate);
            }
        }
        return browser.stream()
                .map(Locale::toLanguageTag)
                .filter(Languages::isSupported)
                .map(Languages::normalise)
                .findFirst()
                .orElse(DEFAULT);
    }

    /** The language's name in itself, as the switch shows it. */
    public static String nativeName(String language) {
        return switch (language) {
            case "ar" -> "العربية";
            case "fr" -> "Français";
            case "id" -> "Bahasa Indonesia";
            case "ur" -> "اردو";
            default -> "English";
        };
    }

    public static Optional<String> fromParameter(String value) {
        return Optional.ofNullable(supportedOrNull(value));
    }
}
