package org.hamkke.academy;

/**
 * An enrolment reached {@link EnrolmentStatus#COMPLETED}: fired synchronously, inside the
 * transaction that completed it, by whoever completed it (never by observers), so an observer's
 * writes (the certificate) commit or roll back with the completion itself.
 *
 * @param enrolmentId the completed enrolment
 * @param personId    its learner
 * @param cohortId    its cohort
 */
public record EnrolmentCompleted(long enrolmentId, long personId, long cohortId) {}
