package org.hamkke.academy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Courses and cohorts built as the editors build them, for the rules' tests. */
final class AcademyFixtures {

    /** The cohort's dates: 1-31 May 2027 in Jakarta; enrolment open during April. */
    static final Instant APRIL = Instant.parse("2027-04-10T03:00:00Z");
    static final Instant BEFORE_WINDOW = Instant.parse("2027-03-20T03:00:00Z");
    static final Instant AFTER_WINDOW = Instant.parse("2027-04-30T18:00:00Z");
    static final Instant DURING = Instant.parse("2027-05-10T03:00:00Z");

    private AcademyFixtures() {}

    static CourseForm courseForm() {
        CourseForm form = new CourseForm();
        form.setTitle(Map.of("en", "Bookkeeping for home-based workers", "id", "Pembukuan untuk pekerja rumahan"));
        form.setSummary(Map.of("en", "Daily records, cash flow and prices."));
        form.setOutcomes(Map.of("en", "Keep a cash book\nPrice a product"));
        form.setLanguage("id");
        form.setLevel("BEGINNER");
        form.setDurationWeeks("4");
        form.setDefaultCapacity("20");
        form.setMinAttendance("75");
        return form;
    }

    static Course course() {
        return Course.from(courseForm());
    }

    static CohortForm cohortForm(int capacity) {
        CohortForm form = new CohortForm();
        form.setCourseId(1L);
        form.setLabel("Jakarta, May 2027");
        form.setTimeZone("Asia/Jakarta");
        form.setStartsOn("2027-05-01");
        form.setEndsOn("2027-05-31");
        form.setDelivery("IN_PERSON");
        form.setVenue("Balai Warga");
        form.setRoom("2");
        form.setCapacity(String.valueOf(capacity));
        form.setEnrolmentOpensAt("2027-04-01T08:00");
        form.setEnrolmentClosesAt("2027-04-30T23:59");
        return form;
    }

    static Cohort cohort(int capacity) {
        return Cohort.of(course(), cohortForm(capacity), APRIL);
    }

    /** Nothing stands in the way; nobody waits. */
    static Cohort.Eligibility eligible(long waiting) {
        return new Cohort.Eligibility(false, false, List.of(), waiting);
    }
}
