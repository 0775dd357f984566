package org.hamkke.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/me/", "/staff/index.xhtml?call=3", "/"})
    void localPathsAreKept(String path) {
        assertEquals(path, ReturnPath.sanitise(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "me/",
        "/signin?return=/x", "/callback?code=1", "/WEB-INF/web.xml", "/me/\r\nSet-Cookie:x"
    })
    void anythingElseGoesHome(String path) {
        assertEquals("/", ReturnPath.sanitise(path));
    }
}
