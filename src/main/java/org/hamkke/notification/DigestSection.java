package org.hamkke.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A feature's part of the daily digest ("2 sessions tomorrow", "1 milestone due"). Every bean of
 * this type is asked once per digest run.
 */
public interface DigestSection {

    /** A line of the digest: a message key in {@code Notices*.properties} and its placeholders. */
    record Line(String messageKey, Map<String, String> data) {}

    /**
     * @return the lines for each person (by Person id) who has something in this section today;
     *     people with nothing are left out
     */
    Map<Long, List<Line>> linesFor(LocalDate day, ZoneId zone);
}
