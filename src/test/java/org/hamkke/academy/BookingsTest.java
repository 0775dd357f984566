package org.hamkke.academy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hamkke.academy.Bookings.Booking;
import org.hamkke.academy.Bookings.Shared;
import org.junit.jupiter.api.Test;

/** The timetable's rule: one room, one person, in one place at a time. */
class BookingsTest {

    private static final String HALL = Cohort.roomKey(Delivery.IN_PERSON, "Balai Warga", "2");

    private static Booking at(long id, String from, String to, String room, Long... people) {
        return new Booking(id, Instant.parse("2027-05-04T" + from + ":00Z"), Instant.parse("2027-05-04T" + to + ":00Z"), room, Set.of(people));
    }

    @Test
    void theSameRoomAtOverlappingTimesClashes() {
        var clash = Bookings.firstClash(List.of(at(0, "10:00", "12:00", HALL)), List.of(at(7, "11:30", "13:00", HALL))).orElseThrow();
        assertEquals(Shared.ROOM, clash.shared());
        assertEquals(7, clash.booked().sessionId());
        assertNull(clash.instructor());
    }

    @Test
    void oneSessionMayStartAsTheOtherEnds() {
        assertTrue(Bookings.firstClash(List.of(at(0, "10:00", "12:00", HALL, 5L)), List.of(at(7, "12:00", "14:00", HALL, 5L))).isEmpty());
        assertTrue(Bookings.firstClash(List.of(at(0, "12:00", "14:00", HALL, 5L)), List.of(at(7, "10:00", "12:00", HALL, 5L))).isEmpty());
    }

    @Test
    void aRoomIsTheSameWhateverItsLetterCaseAndSpaces() {
        assertEquals(HALL, Cohort.roomKey(Delivery.BLENDED, "  balai   WARGA ", " 2 "));
        assertTrue(Bookings.firstClash(List.of(at(0, "10:00", "12:00", Cohort.roomKey(Delivery.IN_PERSON, "BALAI WARGA", "2"))),
                List.of(at(7, "09:00", "10:30", HALL))).isPresent());
        assertTrue(Bookings.firstClash(List.of(at(0, "10:00", "12:00", Cohort.roomKey(Delivery.IN_PERSON, "Balai Warga", "3"))),
                List.of(at(7, "09:00", "10:30", HALL))).isEmpty(), "Another room of the same venue is free");
    }

    @Test
    void anOnlineCohortOccupiesNoRoom() {
        assertNull(Cohort.roomKey(Delivery.ONLINE, "Balai Warga", "2"));
        assertTrue(Bookings.firstClash(List.of(at(0, "10:00", "12:00", null)), List.of(at(7, "10:00", "12:00", null))).isEmpty());
    }

    @Test
    void aPersonTeachesInOnePlaceAtATimeEvenOnline() {
        var clash = Bookings.firstClash(List.of(at(0, "10:00", "12:00", null, 3L, 9L)), List.of(at(7, "11:00", "12:30", HALL, 9L, 4L)))
                .orElseThrow();
        assertEquals(Shared.INSTRUCTOR, clash.shared());
        assertEquals(9L, clash.instructor());
        assertTrue(Bookings.firstClash(List.of(at(0, "10:00", "12:00", null, 3L)), List.of(at(7, "11:00", "12:30", HALL, 4L))).isEmpty());
    }

    @Test
    void theRoomIsNamedBeforeThePeople() {
        assertEquals(Shared.ROOM, Bookings.firstClash(List.of(at(0, "10:00", "12:00", HALL, 9L)), List.of(at(7, "10:00", "12:00", HALL, 9L)))
                .orElseThrow().shared());
    }

    @Test
    void aSessionBeingMovedNeverClashesWithItself() {
        assertTrue(Bookings.firstClash(List.of(at(7, "10:30", "12:30", HALL, 9L)), List.of(at(7, "10:00", "12:00", HALL, 9L))).isEmpty());
    }

    @Test
    void theFirstProposedSessionThatClashesIsTheOneNamed() {
        List<Booking> series = List.of(at(0, "08:00", "09:00", HALL), at(0, "10:00", "11:00", HALL), at(0, "14:00", "15:00", HALL));
        var clash = Bookings.firstClash(series, List.of(at(8, "14:30", "16:00", HALL), at(7, "10:30", "11:30", HALL))).orElseThrow();
        assertEquals(Instant.parse("2027-05-04T10:00:00Z"), clash.proposed().startsAt());
        assertEquals(7, clash.booked().sessionId());
    }
}
