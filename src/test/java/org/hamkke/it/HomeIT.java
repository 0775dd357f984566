package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public home page lists the published courses from the database, in the reader's language where the course has it. */
class HomeIT {

    @AfterEach
    void removeCourses() throws Exception {
        Db.execute("delete from course where title->>'en' like 'HomeIT %'");
    }

    @Test
    void publishedCoursesAreListedInTheReadersLanguage() throws Exception {
        Db.execute("insert into course (title, summary, duration_weeks, published) values "
                + "('{\"en\": \"HomeIT Bookkeeping for cooperatives\", \"fr\": \"HomeIT Comptabilité pour coopératives\"}', "
                + " '{\"en\": \"Keep the books together.\", \"fr\": \"Tenir les comptes ensemble.\"}', 6, true),"
                + "('{\"en\": \"HomeIT Selling online\"}', '{\"en\": \"Shops on a phone.\"}', 4, true),"
                + "('{\"en\": \"HomeIT Draft course\", \"fr\": \"HomeIT Cours en préparation\"}', '{\"en\": \"x\"}', 2, false)");
        try (Visitor visitor = new Visitor("fr")) {
            HtmlPage home = visitor.open("/");
            assertEquals(200, visitor.status());
            List<HtmlElement> courses = home.getByXPath("//section[@id='courses']//li[contains(@class,'course')]");
            List<String> titles = courses.stream().map(c -> c.<HtmlElement>getFirstByXPath(".//h3").getTextContent().strip()).toList();
            assertEquals(List.of("HomeIT Comptabilité pour coopératives", "HomeIT Selling online"), titles,
                    "Published ones only, in French where the course has it, in English where not");
            assertEquals("fr", courses.get(0).<HtmlElement>getFirstByXPath(".//h3").getAttribute("lang"));
            assertEquals("en", courses.get(1).<HtmlElement>getFirstByXPath(".//h3").getAttribute("lang"),
                    "A screen reader reads the English title as English");
            assertTrue(courses.get(0).asNormalizedText().contains("Tenir les comptes ensemble."), courses.get(0).asNormalizedText());
            assertTrue(courses.get(0).asNormalizedText().contains("6 semaines"), courses.get(0).asNormalizedText());
            assertFalse(home.asNormalizedText().contains("Cours en préparation"), "An unpublished course is not shown");
        }
    }
}
