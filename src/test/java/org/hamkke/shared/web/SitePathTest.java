package org.hamkke.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;


import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/me/", "/staff/index.xhtml?call=3", "/", "/?signin=failed", "/me/apply.xhtml?call=1&step=2"})
    void localPathsAreKept(String path) {
        assertEquals(path, SitePath.sanitise(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "me/", "/%2f/evil.example",
        "/signin?return=/x", "/callback?code=1", "/WEB-INF/web.xml", "/me/\r\nSet-Cookie:x", "/me/ x", "/./staff/",
        "/x/../staff/", "/staff/..", "/staff;a=b/", "/%2e%2e/x", "/é", "\t/me/", "/me/\u0000"
    })
    void anythingElseGoesHome(String path) {
        assertEquals("/", SitePath.sanitise(path));
    }

    @ParameterizedTest
    @CsvSource({"/me/#top, /me/", "/x?y=1#z, /x?y=1"})
    void theFragmentIsDropped(String path, String kept) {
        assertEquals(kept, SitePath.sanitise(path));
    }

    @ParameterizedTest
    @CsvSource({
        "/staff/jobs.xhtml, /staff/jobs.xhtml", "/staff/, /staff/index.xhtml", "/, /index.xhtml",
        "/files/attachment, /files/attachment"
    })
    void aRawPathThatIsItsDispatchedPathIsCanonical(String raw, String dispatched) {
        assertEquals(Optional.of(raw), SitePath.canonical(raw, dispatched));
    }

    @ParameterizedTest
    @CsvSource({
        "//staff/jobs.xhtml, /staff/jobs.xhtml", "/%73taff/jobs.xhtml, /staff/jobs.xhtml", "/./staff/jobs.xhtml, /staff/jobs.xhtml",
        "/x/../staff/jobs.xhtml, /staff/jobs.xhtml", "/staff;a=b/jobs.xhtml, /staff/jobs.xhtml", "/staff%2fjobs.xhtml, /staff/jobs.xhtml",
        "/staff/jobs.xhtml%20, /staff/jobs.xhtml ", "/staff//, /staff/index.xhtml"
    })
    void anyOtherSpellingIsNot(String raw, String dispatched) {
        assertEquals(Optional.empty(), SitePath.canonical(raw, dispatched));
    }

    /** A person's feed address is its own credential: a log line names the folder, never the token. */
    @Test
    void aSecretInThePathNeverReachesALogLine() {
        String token = "aBcD_-0123456789aBcD_-0123456789aBcD_-01234";
        assertEquals("/feeds/me/…", SitePath.loggable("/feeds/me/" + token + ".ics"));
        assertEquals("/FEEDS/me/…", SitePath.loggable("/FEEDS/me/" + token + ".ics"));
        assertEquals("/feeds/cohort/12.ics", SitePath.loggable("/feeds/cohort/12.ics"));
        assertEquals("/staff/jobs.xhtml", SitePath.loggable("/staff/jobs.xhtml"));
    }
}
