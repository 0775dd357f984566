package org.hamkke.it;

import java.time.Duration;

/**
 * Waiting for the mail outbox to be done with a person, so that a test can count mails and know no
 * more will come: nothing of theirs waiting to be sent or being sent, and then one more retry
 * period (a mail that failed comes back after it; the test stack retries after 2 s, and the
 * delivery job sweeps every 2 s) with still nothing waiting. Counting after a fixed sleep instead
 * passed whether or not a second mail was on its way.
 */
final class Outbox {

    /** hamkke.mail.retry-after and hamkke.mail.outbox-interval of the test stack (devstack/Stack), with a margin. */
    static final Duration RETRY_PERIOD = Duration.ofSeconds(5);

    private Outbox() {}

    static void settled(String username) throws Exception {
        String waiting = "select count(*) from notice n join person p on p.id = n.recipient_id "
                + "where p.username = ? and n.email_state in ('PENDING', 'SENDING')";
        for (int round = 0; round < 2; round++) {
            if (!Db.eventually(Duration.ofSeconds(60), () -> Db.count(waiting, username) == 0)) {
                throw new AssertionError("Mail for " + username + " still waiting after a minute");
            }
            if (round == 0) {
                Thread.sleep(RETRY_PERIOD.toMillis());
            }
        }
    }
}
