package org.hamkke.academy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hamkke.identity.Languages;
import org.hamkke.identity.web.Language;

/** Texts the academy's pages build: a language's own name, a course's outcomes as lines. */
@Named
@RequestScoped
public class AcademyTexts {

    @Inject
    Language language;

    /** A language by its own name ("Bahasa Indonesia", "اردو"), or its code when the JDK knows none. */
    public String languageName(String code) {
        if (Languages.isSupported(code)) {
            return Languages.nativeName(code);
        }
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** A text kept per language (JSON), in the reader's language, one entry per non-empty line. */
    public List<String> lines(String json) {
        return Arrays.stream(language.text(json).split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
