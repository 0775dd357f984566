package org.hamkke.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic of fair review, kept apart from storage so it is tested as plain maths.
 *
 * <p>A review's score is the weighted mean of its criterion scores, each taken as a share of that
 * criterion's maximum, on a 0-100 scale. Across a call, each reviewer's scores are also normalised
 * against that reviewer's own habits: a z-score from the reviewer's own mean and spread, so a harsh
 * and a lenient reviewer count alike. An application's normalised score is the mean of its
 * reviewers' z-scores, put back on the 0-100 scale with the call's mean and spread, so staff read
 * it like a raw score.
 */
public final class Scoring {

    /** A criterion of the rubric: weight (any positive number; they are relative) and top score. */
    public record Criterion(String key, double weight, int maxScore) {
        public Criterion {
            if (weight <= 0 || maxScore <= 0) {
                throw new IllegalArgumentException("Weight and top score must be positive: " + key);
            }
        }
    }

    /** One submitted review: who, which application, and the score given per criterion key. */
    public record Review(long reviewerId, long applicationId, Map<String, Integer> scores) {}

    /**
     * What staff see per application.
     *
     * @param spread the population standard deviation of the reviewers' scores
     * @param normalised the score after each reviewer's habits are taken out, on the same scale
     * @param disagreement whether the highest and lowest reviewer differ by the call's threshold or more
     */
    public record Summary(
            long applicationId, int reviews, double mean, double spread, double lowest, double highest, double normalised,
            boolean disagreement) {}

    private Scoring() {}

    /** A review's weighted score, 0-100; every criterion must be scored within its range. */
    public static double weighted(List<Criterion> rubric, Map<String, Integer> scores) {
        double total = 0;
        double weights = 0;
        for (Criterion criterion : rubric) {
            Integer score = scores.get(criterion.key());
            if (score == null || score < 0 || score > criterion.maxScore()) {
                throw new IllegalArgumentException("Criterion " + criterion.key() + " needs a score from 0 to "
                        + criterion.maxScore() + ", got " + score);
            }
            total += criterion.weight() * score / criterion.maxScore();
            weights += criterion.weight();
        }
        if (weights == 0) {
            throw new IllegalArgumentException("A rubric needs at least one criterion");
        }
        return 100 * total / weights;
    }

    /**
     * Summaries for every application with at least one review, in the order first seen.
     *
     * @param disagreementThreshold points on the 0-100 scale between the highest and lowest score
     *     from which the application is flagged (e.g. 30)
     */
    public static List<Summary> summarise(List<Criterion> rubric, List<Review> reviews, double disagreementThreshold) {
        Map<Review, Double> score = new LinkedHashMap<>();
        for (Review review : reviews) {
            score.put(review, weighted(rubric, review.scores()));
        }
        Stats call = Stats.of(new ArrayList<>(score.values()));
        Map<Long, Stats> byReviewer = new HashMap<>();
        Map<Long, List<Double>> reviewerScores = new HashMap<>();
        score.forEach((review, s) -> reviewerScores.computeIfAbsent(review.reviewerId(), r -> new ArrayList<>()).add(s));
        reviewerScores.forEach((reviewer, scores) -> byReviewer.put(reviewer, Stats.of(scores)));
        return summarise(rubric, reviews, byReviewer, call, disagreementThreshold);
    }

    /**
     * Summaries of some applications only (a page of them), normalised exactly as if the whole call
     * were summarised: each reviewer's habits and the call's mean and spread come from all of the
     * call's submitted reviews, worked out elsewhere (in the database, which returns one row per
     * reviewer instead of every review).
     *
     * @param habits each reviewer's scores across the call; a reviewer missing here moves nobody
     * @param call all of the call's review scores
     */
    public static List<Summary> summarise(List<Criterion> rubric, List<Review> reviews, Map<Long, Stats> habits, Stats call,
            double disagreementThreshold) {
        Map<Review, Double> score = new LinkedHashMap<>();
        for (Review review : reviews) {
            score.put(review, weighted(rubric, review.scores()));
        }
        Map<Long, Stats> byReviewer = habits;
        Stats none = Stats.of(List.of());

        Map<Long, List<Review>> byApplication = new LinkedHashMap<>();
        for (Review review : reviews) {
            byApplication.computeIfAbsent(review.applicationId(), a -> new ArrayList<>()).add(review);
        }
        List<Summary> summaries = new ArrayList<>();
        byApplication.forEach((application, its) -> {
            List<Double> raw = its.stream().map(score::get).toList();
            Stats stats = Stats.of(raw);
            double meanZ = its.stream()
                    .mapToDouble(r -> byReviewer.getOrDefault(r.reviewerId(), none).z(score.get(r)))
                    .average()
                    .orElse(0);
            double normalised = clamp(call.mean() + meanZ * call.spread());
            summaries.add(new Summary(application, its.size(), stats.mean(), stats.spread(), stats.min(), stats.max(),
                    normalised, its.size() > 1 && stats.max() - stats.min() >= disagreementThreshold));
        });
        return summaries;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    /** Mean, population standard deviation and range of some scores. */
    public record Stats(double mean, double spread, double min, double max) {

        static Stats of(List<Double> values) {
            Objects.requireNonNull(values);
            if (values.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
            return new Stats(mean, Math.sqrt(variance), values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }

        /**
         * How far a score sits from this reviewer's own mean, in their own spreads. A reviewer with
         * one review, or the same score for everyone, says nothing about rank: 0.
         */
        double z(double score) {
            return spread < 1e-9 ? 0 : (score - mean) / spread;
        }
    }
}
