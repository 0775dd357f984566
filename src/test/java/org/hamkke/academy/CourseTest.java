package org.hamkke.academy;

import org.hamkke.shared.Refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CourseTest {

    private static List<String> keys(CourseForm form) {
        return Course.problems(form).stream().map(p -> p.field() + ":" + p.key()).toList();
    }

    @Test
    void aCourseNeedsEnglishTextsAndSensibleNumbers() {
        CourseForm form = AcademyFixtures.courseForm();
        assertEquals(List.of(), keys(form));
        form.setTitle(Map.of("fr", "Comptabilité"));
        form.setSummary(Map.of("en", "x".repeat(1001)));
        form.setLanguage("Bahasa");
        form.setLevel("EXPERT");
        form.setMinAttendance("101");
        form.setDefaultCapacity("");
        assertEquals(List.of("title:academy.englishRequired", "summary:text.tooLong", "language:academy.course.language",
                "level:academy.course.level", "defaultCapacity:academy.number", "minAttendance:academy.number"), keys(form));
        assertThrows(Refused.class, () -> Course.from(form));
    }

    @Test
    void aCourseNeverRequiresItself() {
        CourseForm form = AcademyFixtures.courseForm();
        form.setId(7L);
        form.setPrerequisites(List.of(3L, 7L));
        assertEquals(List.of("prerequisites:academy.course.prerequisiteItself"), keys(form));
    }

    /** 75 % of the sessions attended (present, late or excused), and the assessment when the course asks for one. */
    @Test
    void completionFollowsTheCoursesRule() {
        Course course = AcademyFixtures.course();
        assertTrue(course.isCompletedBy(6, 8, false));
        assertFalse(course.isCompletedBy(5, 8, false));
        assertTrue(course.isCompletedBy(0, 0, false), "No sessions: nothing to attend");
        CourseForm form = AcademyFixtures.courseForm();
        form.setFinalAssessment(true);
        course.revise(form);
        assertFalse(course.isCompletedBy(8, 8, false));
        assertTrue(course.isCompletedBy(6, 8, true));
    }
}
