package org.hamkke.intake;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamkke.identity.Languages;

/**
 * What makes a {@link CallForm} storable, checked without the database: English texts present,
 * dates that parse and close after they open in a real IANA zone, sensible numbers, questions and
 * criteria that make sense. Problems name their field ("title", "q2.label", "r0.weight") so the
 * page shows each next to its input; the rules that need the database (answers, submitted
 * reviews) live in {@link Calls}.
 */
public final class CallRules {

    static final int MAX_SCORE_LIMIT = 100;

    /**
     * The longest the editor's one-line fields may be, as their maxlength in staff/call.xhtml says:
     * a post past them (forged, or from a browser that ignores maxlength) is told so, like any text.
     */
    static final int ZONE_LENGTH = 60;
    static final int WHOLE_LENGTH = 6;
    static final int DECIMAL_LENGTH = 20;
    static final int WEIGHT_LENGTH = 8;
    static final int MAX_SCORE_LENGTH = 3;
    private static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";

    /** A field (null for the whole form), a message key and an optional value for its {0}. */
    public record Problem(String field, String key, String arg) {
        Problem(String field, String key) {
            this(field, key, null);
        }
    }

    private CallRules() {}

    public static List<Problem> check(CallForm form) {
        List<Problem> problems = new ArrayList<>();
        english(problems, "title", form.getTitle(), 200, true);
        english(problems, "summary", form.getSummary(), 1000, true);
        english(problems, "description", form.getDescription(), 10_000, false);
        english(problems, "eligibility", form.getEligibility(), 10_000, false);

        Optional<ZoneId> zone = zone(form.getTimeZone());
        if (!longer(problems, "timeZone", form.getTimeZone(), ZONE_LENGTH) && zone.isEmpty()) {
            problems.add(new Problem("timeZone", "calls.timeZone"));
        }
        Optional<LocalDateTime> opens = dateTime(form.getOpensAt());
        Optional<LocalDateTime> closes = dateTime(form.getClosesAt());
        if (opens.isEmpty()) {
            problems.add(new Problem("opensAt", "calls.dateTime"));
        }
        if (closes.isEmpty()) {
            problems.add(new Problem("closesAt", "calls.dateTime"));
        } else if (opens.isPresent() && !closes.get().isAfter(opens.get())) {
            problems.add(new Problem("closesAt", "calls.closesBeforeOpens"));
        }
        if (!blank(form.getReviewDeadline())) {
            Optional<LocalDateTime> deadline = dateTime(form.getReviewDeadline());
            if (deadline.isEmpty()) {
                problems.add(new Problem("reviewDeadline", "calls.dateTime"));
            } else if (closes.isPresent() && !deadline.get().isAfter(closes.get())) {
                problems.add(new Problem("reviewDeadline", "calls.reviewBeforeClose"));
            }
        }
        if (!longer(problems, "maxVentures", form.getMaxVentures(), WHOLE_LENGTH) && !blank(form.getMaxVentures())
                && whole(form.getMaxVentures()).filter(n -> n > 0).isEmpty()) {
            problems.add(new Problem("maxVentures", "calls.positiveWhole"));
        }
        Optional<BigDecimal> threshold = decimal(form.getDisagreementThreshold());
        if (!longer(problems, "disagreementThreshold", form.getDisagreementThreshold(), WHOLE_LENGTH)
                && (threshold.isEmpty() || threshold.get().signum() < 0 || threshold.get().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(new Problem("disagreementThreshold", "calls.percent"));
        }

        List<CallForm.Question> questions = form.getQuestions();
        for (int i = 0; i < questions.size(); i++) {
            if (!questions.get(i).isRemoved()) {
                checkQuestion(problems, "q" + i + ".", questions.get(i));
            }
        }
        Set<String> keys = new HashSet<>();
        List<CallForm.Criterion> criteria = form.getCriteria();
        for (int i = 0; i < criteria.size(); i++) {
            checkCriterion(problems, "r" + i + ".", criteria.get(i), keys);
        }
        return problems;
    }

    private static void checkQuestion(List<Problem> problems, String at, CallForm.Question q) {
        if (!CallForm.KINDS.contains(q.getKind())) {
            problems.add(new Problem(at + "kind", "calls.question.unknownKind"));
            return;
        }
        english(problems, at + "label", q.getLabel(), 500, true);
        english(problems, at + "help", q.getHelp(), 1000, false);
        if (q.isText() && !longer(problems, at + "maxLength", q.getMaxLength(), WHOLE_LENGTH) && !blank(q.getMaxLength())
                && whole(q.getMaxLength()).filter(n -> n > 0).isEmpty()) {
            problems.add(new Problem(at + "maxLength", "calls.positiveWhole"));
        }
        if (q.isNumber()) {
            Optional<BigDecimal> min = blank(q.getMinValue()) ? Optional.empty() : decimal(q.getMinValue());
            Optional<BigDecimal> max = blank(q.getMaxValue()) ? Optional.empty() : decimal(q.getMaxValue());
            if ((!blank(q.getMinValue()) && min.isEmpty()) || (!blank(q.getMaxValue()) && max.isEmpty())) {
                problems.add(new Problem(at + "range", "calls.number"));
            } else if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                problems.add(new Problem(at + "range", "calls.question.minAboveMax"));
            }
        }
        if (q.isChoice()) {
            int before = problems.size();
            lines(problems, at + "choices", q.getChoices().values());
            if (problems.size() > before) {
                return;
            }
            int options = lines(q.getChoices().get("en")).size();
            if (options < 2) {
                problems.add(new Problem(at + "choices", "calls.question.twoChoices"));
            }
            for (String language : Languages.SUPPORTED) {
                int count = lines(q.getChoices().get(language)).size();
                if (count > 0 && count != options) {
                    problems.add(new Problem(at + "choices", "calls.question.choiceLines", Languages.nativeName(language)));
                }
            }
            if (choices(q).stream().map(QuestionChoice::value).anyMatch(String::isEmpty)) {
                problems.add(new Problem(at + "choices", "calls.question.choiceLatin"));
            }
        }
    }

    private static void checkCriterion(List<Problem> problems, String at, CallForm.Criterion c, Set<String> keys) {
        english(problems, at + "label", c.getLabel(), 200, true);
        english(problems, at + "guidance", c.getGuidance(), 2000, false);
        String key = c.effectiveKey();
        if (!key.matches(KEY_PATTERN)) {
            problems.add(new Problem(at + "key", "calls.criterion.keyInvalid"));
        } else if (!keys.add(key)) {
            problems.add(new Problem(at + "key", "calls.criterion.duplicateKey", key));
        }
        if (!longer(problems, at + "weight", c.getWeight(), WEIGHT_LENGTH)
                && decimal(c.getWeight()).filter(w -> w.signum() > 0).isEmpty()) {
            problems.add(new Problem(at + "weight", "calls.criterion.weightInvalid"));
        }
        Optional<Integer> maxScore = whole(c.getMaxScore()).filter(n -> n > 0 && n <= MAX_SCORE_LIMIT);
        if (!longer(problems, at + "maxScore", c.getMaxScore(), MAX_SCORE_LENGTH) && maxScore.isEmpty()) {
            problems.add(new Problem(at + "maxScore", "calls.criterion.maxScoreInvalid", String.valueOf(MAX_SCORE_LIMIT)));
        }
        int before = problems.size();
        lines(problems, at + "bands", java.util.Collections.singletonList(c.getBands()));
        for (String line : problems.size() > before ? List.<String>of() : lines(c.getBands())) {
            Optional<ScoreBand> band = ScoreBand.parse(line);
            if (band.isEmpty() || band.get().min() > band.get().max()
                    || (maxScore.isPresent() && band.get().max() > maxScore.get())) {
                problems.add(new Problem(at + "bands", "calls.criterion.bandsInvalid", line.strip()));
                break;
            }
        }
    }

    private static void english(List<Problem> problems, String field, Map<String, String> texts, int max, boolean required) {
        if (required && blank(texts.get("en"))) {
            problems.add(new Problem(field, "calls.englishRequired"));
        }
        if (texts.values().stream().anyMatch(t -> !TextRules.storable(t))) {
            problems.add(new Problem(field, TextRules.UNSTORABLE));
        } else if (texts.values().stream().anyMatch(t -> t != null && t.strip().length() > max)) {
            problems.add(new Problem(field, "calls.tooLong", String.valueOf(max)));
        }
    }

    /** Adds "too long" when a one-line field passes its maxlength; whether it did. */
    private static boolean longer(List<Problem> problems, String field, String text, int max) {
        if (text != null && text.strip().length() > max) {
            problems.add(new Problem(field, "calls.tooLong", String.valueOf(max)));
            return true;
        }
        return false;
    }

    /** A text area of lines (options, score bands): storable and within {@link TextRules#LINES}. */
    private static void lines(List<Problem> problems, String field, Iterable<String> texts) {
        TextRules.problem(texts, TextRules.LINES)
                .ifPresent(key -> problems.add(new Problem(field, key, String.valueOf(TextRules.LINES))));
    }

    /**
     * A question's options from its per-language lines, matched by position. An option keeps the
     * value it was saved with while its English label is unchanged; a new one gets a slug of its
     * English label, made unique within the question.
     */
    public static List<QuestionChoice> choices(CallForm.Question q) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        Languages.SUPPORTED.forEach(language -> byLanguage.put(language, lines(q.getChoices().get(language))));
        List<String> english = byLanguage.get("en");
        Set<String> taken = new HashSet<>();
        List<QuestionChoice> choices = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            String label = english.get(i);
            String value = q.getSaved().stream().filter(c -> label.equals(c.label().get("en"))).map(QuestionChoice::value)
                    .findFirst().orElse(QuestionChoice.slug(label));
            String unique = value;
            for (int n = 2; !value.isEmpty() && !taken.add(unique); n++) {
                unique = value + "-" + n;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (var language : byLanguage.entrySet()) {
                if (i < language.getValue().size()) {
                    labels.put(language.getKey(), language.getValue().get(i));
                }
            }
            choices.add(new QuestionChoice(unique, labels));
        }
        return choices;
    }

    public static List<ScoreBand> bands(CallForm.Criterion c) {
        return lines(c.getBands()).stream().map(ScoreBand::parse).flatMap(Optional::stream).toList();
    }

    /** The non-blank lines of a text area, stripped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** A date-time as a browser's datetime-local input sends it ("2027-03-31T23:59"), or as typed with a space. */
    public static Optional<LocalDateTime> dateTime(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip().replace(' ', 'T')));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A region-based IANA zone ("Asia/Seoul", "UTC"); offsets such as "+09:00" do not say whose clock it is. */
    public static Optional<ZoneId> zone(String text) {
        return blank(text) || !ZoneId.getAvailableZoneIds().contains(text.strip())
                ? Optional.empty()
                : Optional.of(ZoneId.of(text.strip()));
    }

    public static Instant instant(String dateTime, String zone) {
        return dateTime(dateTime).orElseThrow().atZone(zone(zone).orElseThrow()).toInstant();
    }

    public static Optional<BigDecimal> decimal(String text) {
        if (blank(text) || text.strip().length() > DECIMAL_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<Integer> whole(String text) {
        try {
            return blank(text) ? Optional.empty() : Optional.of(Integer.valueOf(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
