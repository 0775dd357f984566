package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public home page lists the active courses from the database, in the reader's language where the course has it. */
class HomeIT {

    @AfterEach
    void removeCourses() throws Exception {
        Db.execute("delete from course where title->>'en' like 'HomeIT %'");
    }

    @Test
    void activeCoursesAreListedInTheReadersLanguage() throws Exception {
        Db.execute("insert into course (title, summary, duration_weeks, status) values "
                + "('{\"en\": \"HomeIT Bookkeeping for cooperatives\", \"fr\": \"HomeIT Comptabilité pour coopératives\"}', "
                + " '{\"en\": \"Keep the books together.\", \"fr\": \"Tenir les comptes ensemble.\"}', 6, 'ACTIVE'),"
                + "('{\"en\": \"HomeIT Selling online\"}', '{\"en\": \"Shops on a phone.\"}', 4, 'ACTIVE'),"
                + "('{\"en\": \"HomeIT Draft course\", \"fr\": \"HomeIT Cours en préparation\"}', '{\"en\": \"x\"}', 2, 'ARCHIVED')");
        try (Visitor visitor = new Visitor("fr")) {
            HtmlPage home = visitor.open("/");
            assertEquals(200, visitor.status());
            List<HtmlElement> courses = home.getByXPath("//section[@id='courses']//li[contains(@class,'course')]");
            List<String> titles = courses.stream().map(c -> c.<HtmlElement>getFirstByXPath(".//h3").getTextContent().strip()).toList();
            assertEquals(List.of("HomeIT Selling online", "HomeIT Comptabilité pour coopératives"), titles.subList(0, 2),
                    "Active ones only, newest first, in French where the course has it, in English where not");
            assertEquals("fr", courses.get(1).<HtmlElement>getFirstByXPath(".//h3").getAttribute("lang"));
            assertEquals("en", courses.get(0).<HtmlElement>getFirstByXPath(".//h3").getAttribute("lang"),
                    "A screen reader reads the English title as English");
            assertTrue(courses.get(1).asNormalizedText().contains("Tenir les comptes ensemble."), courses.get(1).asNormalizedText());
            assertTrue(courses.get(1).asNormalizedText().contains("6 semaines"), courses.get(1).asNormalizedText());
            assertFalse(home.asNormalizedText().contains("Cours en préparation"), "An archived course is not shown");
            // Each course leads to its cohorts in the catalog.
            String link = courses.get(1).<HtmlElement>getFirstByXPath(".//a[contains(@class,'cohorts-link')]").getAttribute("href");
            assertTrue(link.matches(".*/academy/catalog\\.xhtml\\?course=\\d+"), link);
        }
    }
}
