package org.hamkke.academy;

import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The move dialog's typed day and times. */
class SessionTimesTest {

    @Test
    void aDayAndTwoTimes() {
        assertEquals(new SessionTimes(LocalDateTime.parse("2027-05-04T18:00"), LocalDateTime.parse("2027-05-04T20:00")),
                SessionTimes.typed("2027-05-04", "18:00", "20:00"));
    }

    @Test
    void anEndBeforeTheStartIsTheNextDay() {
        assertEquals(LocalDateTime.parse("2027-05-05T00:30"), SessionTimes.typed("2027-05-04", "22:00", "00:30").end());
    }

    @Test
    void everyBadFieldIsNamed() {
        Refused refused = assertThrows(Refused.class, () -> SessionTimes.typed("4 May", "6pm", ""));
        assertEquals(List.of("date", "startTime", "endTime"), refused.problems().stream().map(Problem::field).toList());
        assertEquals("academy.session.endBeforeStart", assertThrows(Refused.class, () -> SessionTimes.typed("2027-05-04", "10:00", "10:00")).key());
    }
}
