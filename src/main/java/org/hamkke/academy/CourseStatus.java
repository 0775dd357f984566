package org.hamkke.academy;

/** Whether a course is offered: an archived one keeps its cohorts and enrolments, and takes no new cohorts. */
public enum CourseStatus {
    ACTIVE,
    ARCHIVED
}
