package org.hamkke.academy.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.hamkke.identity.web.Language;

/**
 * The academy's days and times as its pages write them, in the reader's language: a cohort's days
 * as days (they are days on the cohort's own calendar, not moments), and sessions and offers as
 * moments on the cohort's wall clock with the zone named, so a learner elsewhere knows whose 18:00
 * it is.
 */
@Named
@RequestScoped
public class AcademyDates {

    @Inject
    Language language;

    /** "1 May 2027". */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.getLocale()).format(day);
    }

    /** "1 May 2027 – 31 May 2027", or the one day. */
    public String days(LocalDate first, LocalDate last) {
        return first == null ? "" : first.equals(last) ? day(first) : day(first) + " – " + day(last);
    }

    /** A session: "Tue, 4 May 2027, 18:00 – 20:00" on the cohort's clock (the end's day too when it differs). */
    public String session(Instant start, Instant end, String zone) {
        return session(start, end, zone, language.getLocale());
    }

    /** {@link #session(Instant, Instant, String)} in a given language, for texts built outside a page's expressions. */
    static String session(Instant start, Instant end, String zone, Locale locale) {
        ZonedDateTime from = start.atZone(ZoneId.of(zone));
        ZonedDateTime to = end.atZone(ZoneId.of(zone));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE", locale);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String ends = from.toLocalDate().equals(to.toLocalDate()) ? time.format(to) : date.format(to) + " " + time.format(to);
        return day.format(from) + " " + date.format(from) + ", " + time.format(from) + " – " + ends;
    }

    /** A session with its zone named: "Tue 4 May 2027, 18:00 – 20:00 (Western Indonesia Time)". */
    public String sessionWithZone(Instant start, Instant end, String zone) {
        return sessionWithZone(start, end, zone, language.getLocale());
    }

    static String sessionWithZone(Instant start, Instant end, String zone, Locale locale) {
        return session(start, end, zone, locale) + " (" + ZoneId.of(zone).getDisplayName(TextStyle.FULL, locale) + ")";
    }

    /** A moment on the cohort's clock with the zone's full name: "12 May 2027, 14:00 (Western Indonesia Time)". */
    public String moment(Instant moment, String zone) {
        return moment == null ? "" : language.format(moment.atZone(ZoneId.of(zone)));
    }

    /** The zone's name in the reader's language: "Western Indonesia Time". */
    public String zoneName(String zone) {
        return ZoneId.of(zone).getDisplayName(TextStyle.FULL, language.getLocale());
    }
}
