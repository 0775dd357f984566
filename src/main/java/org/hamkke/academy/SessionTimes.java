package org.hamkke.academy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;

/**
 * A session's new start and end as staff type them in a move dialog: a day and two wall-clock times
 * on the cohort's clock. An end at or before the start time ends the next day (an evening session
 * past midnight), as in a series ({@link SessionSeries}); the same time twice is no session.
 */
public record SessionTimes(LocalDateTime start, LocalDateTime end) {

    /**
     * @throws Refused naming each field that is not a day or a time ("academy.date", "academy.time"),
     *     or "academy.session.endBeforeStart"
     */
    public static SessionTimes typed(String date, String startTime, String endTime) {
        List<Problem> problems = new ArrayList<>();
        Optional<LocalDate> day = Cohort.date(date);
        Optional<LocalTime> start = Cohort.time(startTime);
        Optional<LocalTime> end = Cohort.time(endTime);
        if (day.isEmpty()) {
            problems.add(new Problem("date", "academy.date"));
        }
        if (start.isEmpty()) {
            problems.add(new Problem("startTime", "academy.time"));
        }
        if (end.isEmpty()) {
            problems.add(new Problem("endTime", "academy.time"));
        } else if (start.isPresent() && end.get().equals(start.get())) {
            problems.add(new Problem("endTime", "academy.session.endBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        LocalDate endDay = end.get().isAfter(start.get()) ? day.get() : day.get().plusDays(1);
        return new SessionTimes(day.get().atTime(start.get()), endDay.atTime(end.get()));
    }
}
