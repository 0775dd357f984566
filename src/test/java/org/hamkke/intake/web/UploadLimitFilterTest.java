package org.hamkke.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The refusal page leads back to the form the post came from, and only ever to a page of the portal. */
class UploadLimitFilterTest {

    @Test
    void backToTheFormTheBrowserNames() {
        assertEquals("/me/apply.xhtml?call=7&step=3", UploadLimitFilter.back("https://portal.example.org/me/apply.xhtml?call=7&step=3", ""));
        assertEquals("/me/apply.xhtml?call=7", UploadLimitFilter.back("http://localhost:8080/hamkke/me/apply.xhtml?call=7", "/hamkke"));
    }

    @Test
    void nowhereElse() {
        assertEquals("/", UploadLimitFilter.back(null, ""), "No Referer: the home page");
        assertEquals("/", UploadLimitFilter.back("https://other.example.org/elsewhere", "/hamkke"), "Outside the portal's path");
        assertEquals("/", UploadLimitFilter.back("https://portal.example.org//evil.example.org/x", ""), "Not a local path");
        assertEquals("/", UploadLimitFilter.back("not a url at all", ""));
        assertEquals("/", UploadLimitFilter.back("https://portal.example.org/signin?return=/x", ""), "Never back into the sign-in");
    }
}
