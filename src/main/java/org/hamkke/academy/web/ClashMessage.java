package org.hamkke.academy.web;

import jakarta.faces.context.FacesContext;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.hamkke.academy.SessionClash;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.web.PageMessages;

/**
 * A clash as the reader is told it, in their language: the room or the person, and the session
 * that has them then (its course, its cohort, and its time on its own cohort's clock with the zone
 * named), so staff know what stands in the way.
 */
final class ClashMessage {

    private ClashMessage() {}

    static String text(SessionClash clash) {
        SessionClash.Other other = clash.other();
        if (other == null) {
            return PageMessages.text("academy.session.clash");
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        String course = other.courseTitleJson() == null ? ""
                : new LocalizedTextConverter().convertToEntityAttribute(other.courseTitleJson()).in(locale.getLanguage());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String cohort = other.cohortLabel() != null ? other.cohortLabel()
                : day.format(other.cohortStartsOn()) + " – " + day.format(other.cohortEndsOn());
        String when = AcademyDates.sessionWithZone(other.startsAt(), other.endsAt(), other.timeZone(), locale);
        boolean room = other.room();
        String who = room ? other.place() : other.instructor();
        return PageMessages.format(locale, PageMessages.text(room ? "academy.session.clash.room" : "academy.session.clash.instructor"),
                who, course, cohort, when);
    }
}
