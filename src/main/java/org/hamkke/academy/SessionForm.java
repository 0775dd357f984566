package org.hamkke.academy;

import java.io.Serializable;

/**
 * One session, or a weekly or fortnightly series of them, as staff type it on the cohort editor:
 * the first day and the wall-clock times in the cohort's zone, and how many.
 */
public class SessionForm implements Serializable {

    /** How often a series repeats. */
    public enum Repeat {
        ONCE(0),
        WEEKLY(1),
        FORTNIGHTLY(2);

        private final int weeks;

        Repeat(int weeks) {
            this.weeks = weeks;
        }

        public int weeks() {
            return weeks;
        }
    }

    private String title;
    /** yyyy-MM-dd. */
    private String date;
    /** HH:mm. */
    private String startTime = "10:00";
    private String endTime = "12:00";
    private String repeat = Repeat.ONCE.name();
    private String count = "1";

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }

    public String getCount() {
        return count;
    }

    public void setCount(String count) {
        this.count = count;
    }
}
