package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;

/**
 * From one application to the next and back without the list: the application page follows the
 * table's order and filters, which travel in its address from the table's links; the neighbours
 * are found by key. A decision made on the way keeps the walk going from where that application
 * stood, though it no longer matches the stage asked for.
 */
class ApplicationNeighboursIT {

    @Test
    void nextAndPreviousFollowTheTablesOrderAndFilters() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long call = IntakeData.call("Neighbours call " + tag, false);
        List<Long> inReview = new ArrayList<>();
        // Names out of the order of submission: the walk by name differs from the newest first.
        String[] names = {"Delta", "alpha", "Echo", "charlie", "Bravo"};
        for (int i = 0; i < names.length; i++) {
            inReview.add(IntakeData.application(call, IntakeData.person("Neighbour " + i, null, ""), names[i] + " " + tag, "IN_REVIEW", 10 + i));
        }
        long screening = IntakeData.application(call, IntakeData.person("Screened", null, ""), "Aardvark " + tag, "SCREENING", 5);
        // By name, A to Z, in review only: alpha, Bravo, charlie, Delta, Echo (the screening one left out).
        List<Long> byName = List.of(inReview.get(1), inReview.get(4), inReview.get(3), inReview.get(0), inReview.get(2));
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/applications.xhtml?call=" + call);
            staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            StaffTable table = new StaffTable(staff).open(call, "");
            table.stage("IN_REVIEW").sort("name");
            assertEquals(byName, table.ids());
            HtmlElement link = table.row(byName.get(0)).getFirstByXPath(".//a[contains(@class,'open-application')]");
            String href = link.getAttribute("href");
            assertTrue(href.contains("sort=NAME") && href.contains("dir=asc") && href.contains("stage=IN_REVIEW"), "The link carries the table's order and filter: " + href);

            staff.browser().getOptions().setJavaScriptEnabled(false);  // the application page is plain
            HtmlPage page = staff.open(href.substring(href.indexOf("/staff/")));
            assertNull(page.getElementById("previous-application"), "The first has no previous");
            List<Long> walked = new ArrayList<>(List.of(shown(page)));
            while (page.getElementById("next-application") != null) {
                page = page.<HtmlElement>getHtmlElementById("next-application").click();
                walked.add(shown(page));
            }
            assertEquals(byName, walked, "Next walks the table's order, without the screening one");
            for (int i = byName.size() - 2; i >= 0; i--) {
                page = page.<HtmlElement>getHtmlElementById("previous-application").click();
                assertEquals(byName.get(i), shown(page), "Previous walks back");
            }
            assertTrue(page.getElementById("back").getAttribute("href").contains("sort=NAME"), "Back to the list in the same order");

            // Deciding on the third (charlie): it leaves "in review", and next still leads to the fourth.
            page = staff.open("/staff/application.xhtml?id=" + byName.get(2) + "&sort=NAME&dir=asc&stage=IN_REVIEW");
            page.<HtmlSelect>getHtmlElementById("decide:to").setSelectedAttribute("REJECTED", true);
            page.<HtmlTextArea>getHtmlElementById("decide:reason").setText("Not this year, thank you.");
            page = page.<HtmlElement>getHtmlElementById("decide:move").click();
            assertEquals("REJECTED", page.getElementById("stage").getAttribute("data-stage"));
            assertEquals(byName.get(3), Long.valueOf(page.getElementById("next-application").getAttribute("data-application")),
                    "The decision kept the order and filter in the address: " + page.getUrl());
            assertEquals(byName.get(1), Long.valueOf(page.getElementById("previous-application").getAttribute("data-application")));

            // Without an order in the address: the table's default, newest first, every stage.
            page = staff.open("/staff/application.xhtml?id=" + screening);
            assertNull(page.getElementById("previous-application"), "The newest has no previous");
            assertEquals(inReview.get(0), Long.valueOf(page.getElementById("next-application").getAttribute("data-application")));
        }
    }

    private static long shown(HtmlPage page) {
        return Long.parseLong(page.getUrl().getQuery().replaceAll(".*\\bid=(\\d+).*", "$1"));
    }
}
