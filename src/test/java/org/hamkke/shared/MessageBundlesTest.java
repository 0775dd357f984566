package org.hamkke.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamkke.shared.web.PageMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key in every language, with the same placeholders, and really translated: a text equal to
 * the English one is a forgotten translation (except names such as "Hamkke").
 */
class MessageBundlesTest {

    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("app.name");

    /** Words that are spelt the same in English and that language. */
    private static final Set<String> SAME_BY_CHANCE = Set.of("fr:nav.admin", "fr:area.admin.title", "fr:teach.mark.ABSENT",
            "fr:mentorProfile.expertise", "fr:ventureMentors.assignments", "fr:ventureMentors.mentor", "fr:ventureMentors.score",
            "fr:ventures.mentors", "fr:ventures.programme", "id:ventureMentors.mentor");

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr", "id", "ur"})
    void portalBundleIsCompleteAndTranslated(String language) throws IOException {
        Properties english = portal("");
        Properties translated = portal("_" + language);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                "Keys of Messages_" + language);
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertTrue(!text.isBlank(), key + " is blank in " + language);
            assertEquals(placeholders(english.getProperty(key)), placeholders(text), key + " placeholders in " + language);
            if (!SAME_IN_EVERY_LANGUAGE.contains(key) && !SAME_BY_CHANCE.contains(language + ":" + key)) {
                assertTrue(!text.equals(english.getProperty(key)), key + " is not translated into " + language);
            }
        }
    }

    /**
     * A text with placeholders is a MessageFormat pattern (pages fill it with h:outputFormat or
     * hk:format, Java with PageMessages): a single apostrophe there is swallowed and quotes the rest
     * ("l'évaluation de {0}" would show "lévaluation de {0}"), so it is written twice. A text without
     * placeholders is shown as written, so there an apostrophe is written once. Each text is filled
     * the way the portal fills it and must read as its translator wrote it, every apostrophe kept.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "fr", "id", "ur"})
    void textsWithPlaceholdersKeepTheirApostrophes(String language) throws IOException {
        Properties texts = portal(language.equals("en") ? "" : "_" + language);
        int checked = 0;
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            Set<String> placeholders = placeholders(text);
            if (placeholders.isEmpty()) {
                assertFalse(text.contains("''"), key + " in " + language + " has no placeholder, so '' would show twice: write one apostrophe");
                continue;
            }
            int count = placeholders.stream().mapToInt(p -> Integer.parseInt(p.substring(1, p.length() - 1))).max().getAsInt() + 1;
            Object[] values = new Object[count];
            String expected = text.replace("''", "'");
            for (int i = 0; i < count; i++) {
                values[i] = "<value " + i + ">";
                expected = expected.replace("{" + i + "}", "<value " + i + ">");
            }
            assertEquals(expected, PageMessages.format(Locale.forLanguageTag(language), text, values),
                    key + " in " + language + ": in a text with placeholders an apostrophe is written ''");
            checked++;
        }
        assertTrue(checked > 50, "Texts with placeholders found in " + language + ": " + checked);
    }

    /** The e-mail and notice templates: named placeholders ({name}), every key, really translated. */
    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr", "id", "ur"})
    void noticeTemplatesAreCompleteAndTranslated(String language) throws IOException {
        Properties english = notices("");
        Properties translated = notices("_" + language);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                "Keys of Notices_" + language);
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertTrue(!text.isBlank(), key + " is blank in " + language);
            assertEquals(named(english.getProperty(key)), named(text), key + " placeholders in " + language);
            assertTrue(!text.equals(english.getProperty(key)), key + " is not translated into " + language);
        }
    }

    private static Set<String> named(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[a-zA-Z]+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties notices(String suffix) throws IOException {
        return load(MessageBundlesTest.class.getResourceAsStream("/org/hamkke/notification/Notices" + suffix + ".properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr", "id", "ur"})
    void loginThemeMessagesMatchEnglish(String language) throws IOException {
        Path dir = Path.of("themes/hamkke/login/messages");
        Properties english = load(Files.newInputStream(dir.resolve("messages_en.properties")));
        Properties translated = load(Files.newInputStream(dir.resolve("messages_" + language + ".properties")));
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(translated.getProperty(key)), key);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties portal(String suffix) throws IOException {
        return load(MessageBundlesTest.class.getResourceAsStream("/org/hamkke/i18n/Messages" + suffix + ".properties"));
    }

    private static Properties load(InputStream in) throws IOException {
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            return p;
        }
    }
}
