package org.hamkke.intake;

/**
 * An application's review summary as staff read it, from {@code application_score} (V12), which
 * the database keeps with the arithmetic of {@link Scoring} so that it can sort and page by it.
 *
 * @param assigned reviewers who count (a declared conflict does not)
 * @param done reviews submitted
 * @param reviews reviews that score the whole rubric: what the figures are of
 * @param mean the mean of their scores, 0-100
 * @param spread their population standard deviation
 * @param normalised the score after each reviewer's habits are taken out, on the same scale
 * @param disagreement the highest and lowest differ by the call's threshold or more
 */
public record ScoreSummary(int assigned, int done, int reviews, double mean, double spread, double normalised,
        boolean disagreement) implements java.io.Serializable {}
