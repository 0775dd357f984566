package org.hamkke.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeDeliveriesTest {

    @Test
    void retriesWaitLongerEachTimeUpToAnHour() {
        var deliveries = new NoticeDeliveries();
        deliveries.retryAfter = Duration.ofMinutes(1);
        assertEquals(Duration.ofMinutes(1), deliveries.backoff(1));
        assertEquals(Duration.ofMinutes(2), deliveries.backoff(2));
        assertEquals(Duration.ofMinutes(4), deliveries.backoff(3));
        assertEquals(Duration.ofMinutes(32), deliveries.backoff(6));
        assertEquals(Duration.ofHours(1), deliveries.backoff(7));
        assertEquals(Duration.ofHours(1), deliveries.backoff(60));
    }

    @Test
    void noticeDataSurvivesTheJsonRoundTrip() {
        Map<String, String> data = Map.of("call", "Coopératives \"vertes\"", "items", "a\nb", "ar", "مرحبا");
        assertEquals(data, org.hamkke.shared.JsonObjects.strings(org.hamkke.shared.JsonObjects.of(data)));
    }
}
