package org.hamkke.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.hamkke.identity.Languages;
import org.hamkke.shared.LocalizedTextConverter;

/**
 * The language of this request, for the template ({@code lang}, {@code dir}, the switch) and for
 * formatting dates and numbers the way a reader of that language expects.
 */
@Named
@RequestScoped
public class Language {

    @Inject
    HttpServletRequest request;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String portalZone;

    public String getCode() {
        Object chosen = request.getAttribute(LanguageFilter.REQUEST_ATTRIBUTE);
        return chosen instanceof String code ? code : Languages.DEFAULT;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    /** "rtl" for Arabic and Urdu: the page, and PrimeFaces, mirror. */
    public String getDir() {
        return Languages.isRightToLeft(getCode()) ? "rtl" : "ltr";
    }

    public boolean isRightToLeft() {
        return Languages.isRightToLeft(getCode());
    }

    /**
     * The page the language form returns to: this page's address without {@code lang=}, or on an
     * error page the address that failed (sanitised like every redirect).
     */
    public String getReturnPath() {
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        if (failed instanceof String uri && uri.startsWith(request.getContextPath())) {
            return org.hamkke.shared.web.SitePath.sanitise(uri.substring(request.getContextPath().length()));
        }
        return LanguageFilter.withoutLanguageParameter(request);
    }

    public List<Choice> getChoices() {
        return Languages.SUPPORTED.stream()
                .map(code -> new Choice(code, Languages.nativeName(code), code.equals(getCode())))
                .toList();
    }

    /**
     * A date and time in the reader's language with its time zone, e.g. "12 déc. 2026, 23:59
     * (heure de Corée)": a deadline must say whose midnight it is.
     */
    public String format(ZonedDateTime moment) {
        if (moment == null) {
            return "";
        }
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .format(moment);
        return when + " (" + moment.getZone().getDisplayName(java.time.format.TextStyle.FULL, getLocale()) + ")";
    }

    /**
     * A moment in the portal's time zone (hamkke.time-zone) with the zone's short name, for
     * tables where the long name ("Coordinated Universal Time") would wrap every cell.
     */
    public String at(java.time.Instant moment) {
        if (moment == null) {
            return "";
        }
        ZonedDateTime zoned = moment.atZone(ZoneId.of(portalZone));
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).format(zoned)
                + " (" + zoned.getZone().getDisplayName(java.time.format.TextStyle.SHORT, getLocale()) + ")";
    }

    /** The day of a moment in the portal's time zone, for a table column where the time would crowd it ({@link #at} gives both). */
    public String day(java.time.Instant moment) {
        return moment == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(moment.atZone(ZoneId.of(portalZone)));
    }

    /** A calendar day (a start or an end date, no time nor zone): "4 May 2027", in the reader's language. */
    public String formatDay(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(day);
    }

    public String formatDate(java.time.Instant moment, String zone) {
        return moment == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale())
                        .format(moment.atZone(ZoneId.of(zone)));
    }

    /**
     * A text kept as a JSON object per language ({"en": "…", "fr": "…"}: call titles, question
     * labels, rubric criteria) in the reader's language, English where it has none.
     */
    public String text(String json) {
        return json == null ? "" : new LocalizedTextConverter().convertToEntityAttribute(json).in(getCode());
    }

    /** Whether a text kept as JSON per language exists in the reader's very language (not a fallback): pages mark the fallback's lang. */
    public boolean hasText(String json) {
        return json != null && new LocalizedTextConverter().convertToEntityAttribute(json).has(getCode());
    }

    /** A score rounded to one decimal place, in the reader's digits and decimal mark. */
    public String formatScore(double score) {
        return formatNumber(Math.round(score * 10) / 10.0);
    }

    public String formatNumber(Number number) {
        return number == null ? "" : java.text.NumberFormat.getInstance(getLocale()).format(number);
    }

    public record Choice(String code, String name, boolean current) {}
}
