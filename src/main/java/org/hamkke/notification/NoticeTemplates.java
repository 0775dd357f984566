package org.hamkke.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a notice in the recipient's language from {@code Notices*.properties}: the subject, the
 * body as plain text, and the same as a small HTML e-mail (right to left for Arabic and Urdu).
 * Placeholders are named ({@code {name}}); values are escaped in HTML. The value {@code items} is
 * a list, one entry per line.
 */
public final class NoticeTemplates {

    static final String BUNDLE = "org.hamkke.notification.Notices";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar", "ur");

    public record Rendered(String subject, List<String> paragraphs, String text, String html) {}

    private NoticeTemplates() {}

    public static Locale localeOf(String language) {
        return Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The subject alone, e.g. for a line in the digest or the title in the portal's list. */
    public static String subject(NoticeKind kind, Map<String, String> data, String recipientName, Locale locale) {
        ResourceBundle texts = bundle(locale);
        return fill(texts.getString(kind.key() + ".subject"), values(texts, data, recipientName), false);
    }

    /**
     * @param link the absolute address of the page the notice leads to
     * @param preferencesLink the absolute address of the person's e-mail preferences
     */
    public static Rendered render(NoticeKind kind, Map<String, String> data, String recipientName, Locale locale,
            String link, String preferencesLink) {
        ResourceBundle texts = bundle(locale);
        Map<String, String> values = values(texts, data, recipientName);
        String subject = fill(texts.getString(kind.key() + ".subject"), values, false);
        List<String> paragraphs = List.of(texts.getString(kind.key() + ".body").split("\n\n"));
        String greeting = fill(texts.getString("mail.greeting"), values, false);
        Map<String, String> footerValues = new LinkedHashMap<>(values);
        footerValues.put("preferences", preferencesLink);

        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        List<String> plain = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String filled = fill(paragraph, values, false);
            plain.add(filled);
            text.append(filled).append("\n\n");
        }
        text.append(texts.getString("mail.open")).append(": ").append(link).append("\n\n-- \n")
                .append(fill(texts.getString("mail.footer"), footerValues, false)).append('\n');

        String language = locale.getLanguage();
        String dir = RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr";
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"").append(language).append("\" dir=\"").append(dir).append("\">")
                .append("<head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"margin:0;background:#f6f4ef;color:#1f2a2e;font:16px/1.6 system-ui,'Segoe UI',Roboto,'Noto Sans','Noto Naskh Arabic',Tahoma,sans-serif\">")
                .append("<div dir=\"").append(dir).append("\" style=\"max-width:36rem;margin:0 auto;padding:1.2rem;text-align:start\">")
                .append("<p style=\"font-weight:700;color:#0f6e5a;font-size:1.2rem;margin:0 0 1rem\">Hamkke</p>")
                .append("<div style=\"background:#fff;border:1px solid #e3ded3;border-radius:8px;padding:1rem 1.2rem\">")
                .append("<p>").append(escape(greeting)).append("</p>");
        for (String paragraph : paragraphs) {
            String filled = fill(paragraph, values, true);
            // A paragraph that is only the list is the list, not a list inside a <p> (invalid HTML).
            html.append(filled.startsWith("<ul") ? filled : "<p>" + filled + "</p>");
        }
        html.append("<p><a href=\"").append(escape(link))
                .append("\" style=\"display:inline-block;background:#e0a526;color:#1f2a2e;padding:.5rem 1rem;border-radius:8px;font-weight:600;text-decoration:none\">")
                .append(escape(texts.getString("mail.open"))).append("</a></p></div>")
                .append("<p style=\"color:#5b6b70;font-size:.85rem\">")
                .append(fill(texts.getString("mail.footer"), footerValues, true))
                .append("</p></div></body></html>");
        return new Rendered(subject, plain, text.toString(), html.toString());
    }

    private static Map<String, String> values(ResourceBundle texts, Map<String, String> data, String recipientName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", recipientName == null ? "" : recipientName);
        data.forEach((key, value) -> {
            if (key.endsWith("Key") && key.length() > 3) {
                values.put(key.substring(0, key.length() - 3), texts.containsKey(value) ? texts.getString(value) : value);
            } else {
                values.put(key, value);
            }
        });
        return values;
    }

    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(html ? escape(template.substring(last, m.start())) : template.substring(last, m.start()));
            String name = m.group(1);
            String value = values.getOrDefault(name, "");
            if ("items".equals(name)) {
                out.append(html ? list(value) : "- " + value.replace("\n", "\n- "));
            } else if ("preferences".equals(name) && html) {
                out.append("<a href=\"").append(escape(value)).append("\" style=\"color:#0f6e5a\">").append(escape(value)).append("</a>");
            } else {
                out.append(html ? escape(value) : value);
            }
            last = m.end();
        }
        out.append(html ? escape(template.substring(last)) : template.substring(last));
        return out.toString();
    }

    private static String list(String lines) {
        StringBuilder ul = new StringBuilder("<ul style=\"padding-inline-start:1.2rem\">");
        for (String line : lines.split("\n")) {
            ul.append("<li>").append(escape(line)).append("</li>");
        }
        return ul.append("</ul>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
