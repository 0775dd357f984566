package org.hamkke.intake;

/**
 * Which of the academy's courses the applicant has completed, as the academy answers it
 * ({@code academy.Completions}): handed to {@link Application#problems} by the service, so the
 * rule "a call may require a completed course" lives in the application and the fact stays with
 * the academy.
 */
@FunctionalInterface
public interface CompletedCourses {

    /** Knows of no completed course: for a call that requires none, or a test. */
    CompletedCourses NONE = courseId -> false;

    boolean includes(long courseId);
}
