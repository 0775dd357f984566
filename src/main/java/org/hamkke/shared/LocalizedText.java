package org.hamkke.shared;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text given in one or more languages (a call's title in English and French, say). Shown in
 * the reader's language when given in it, else in English, else in whichever language it has.
 */
public final class LocalizedText implements Serializable {

    private final Map<String, String> byLanguage;

    private LocalizedText(Map<String, String> byLanguage) {
        this.byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText of(Map<String, String> byLanguage) {
        Map<String, String> kept = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                kept.put(language, text.strip());
            }
        });
        return new LocalizedText(kept);
    }

    public static LocalizedText english(String text) {
        return of(Map.of("en", text));
    }

    public String in(String language) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get("en");
        }
        if (text == null) {
            text = byLanguage.values().stream().findFirst().orElse("");
        }
        return text;
    }

    /** Whether the text exists in this very language (not a fallback): the page marks fallbacks. */
    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }

    public Map<String, String> asMap() {
        return byLanguage;
    }

    /** As stored: a JSON object by language, {"en": "…", "fr": "…"} (the form pages' Language.text reads). */
    public String json() {
        var json = JsonObjects.JSON.createObjectBuilder();
        byLanguage.forEach(json::add);
        return json.build().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalizedText text && text.byLanguage.equals(byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }
}
