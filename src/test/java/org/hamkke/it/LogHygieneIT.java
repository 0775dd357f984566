package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.util.regex.Pattern;
import org.hamkke.devstack.DemoLogin;
import org.junit.jupiter.api.Test;

/**
 * Nothing secret reaches the portal's log: no session id, no token (a JWT in any form), no
 * password, no calendar feed's secret address, after a sign-in, pages, a refused request, a token
 * renewal, a feed read and a sign-out, nor anywhere else in the log the test run has written so
 * far. (The portal keeps no access log: Payara Micro writes none unless started with
 * {@code --accesslog}, which neither the dev run nor the deployment instructions use.)
 */
class LogHygieneIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @Test
    void noSessionIdTokenOrPasswordInTheLog() throws Exception {
        assumeTrue(TestStack.owned() != null, "Reads the log of the portal this run started");
        String session;
        try (Visitor visitor = new Visitor()) {
            visitor.signIn(DemoLogin.STAFF);
            session = Sessions.cookie(visitor);
            visitor.open("/staff/applications.xhtml?call=1");
            visitor.open("/admin/notifications.xhtml");
            visitor.open("/callback?state=forged&code=forged");
            visitor.signOut();
        }
        // A calendar feed's address is a credential in a path: read, and refused as a foreign post (whose path a log line names).
        String feedToken = java.util.UUID.randomUUID().toString().replace("-", "") + "Ab_-0123456";
        IntakeData.execute("insert into calendar_feed (person_id, token_hash, language, created_at) "
                + "values ((select id from person where username = ?), sha256(convert_to(?, 'UTF8')), 'en', now()) "
                + "on conflict (person_id) do update set token_hash = excluded.token_hash", DemoLogin.STAFF.username(), feedToken);
        org.junit.jupiter.api.Assertions.assertEquals(200, RawHttp.get("/feeds/me/" + feedToken + ".ics", null).status());
        RawHttp.send("POST", "/feeds/me/" + feedToken + ".ics", null, "https://elsewhere.example", "a=b");
        String log = TestStack.owned().portal().logOfThisStart();
        assertFalse(log.contains(session), "The session id is in the log");
        assertFalse(JWT.matcher(log).find(), () -> "A token is in the log: " + JWT.matcher(log).results().findFirst().map(r -> r.group()).orElse(""));
        assertFalse(log.contains(DemoLogin.STAFF.password()), "A password is in the log");
        assertFalse(log.contains(feedToken), "A calendar feed's token is in the log");
        assertFalse(log.contains("Cannot serialize session attribute"), "Every session attribute is serialisable");
        // A filter that fails to start is left out of every request by the container, silently: a gate gone.
        assertFalse(log.contains("Exception starting filter"), "Every filter started");
    }
}
