package org.hamkke.intake;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.Languages;

/**
 * A programme call as staff edit it: every field kept as typed (text, not parsed numbers or
 * dates), so a refused save hands back exactly what was entered. {@link CallRules} says what is
 * wrong with it; {@link Calls} stores it. Per-language texts are maps from language code to text,
 * with every supported language present so a page can bind to each.
 */
public class CallForm implements Serializable {

    public static final List<String> KINDS = List.of("SHORT_TEXT", "LONG_TEXT", "NUMBER", "CHOICE", "MULTI_CHOICE", "DATE", "FILE");

    private Long id;
    private long version;
    private final Map<String, String> title = perLanguage();
    private final Map<String, String> summary = perLanguage();
    private final Map<String, String> description = perLanguage();
    private final Map<String, String> eligibility = perLanguage();
    private String opensAt;
    private String closesAt;
    private String timeZone;
    private String maxVentures;
    private boolean blindReview = true;
    private boolean shareFeedback;
    private String reviewDeadline;
    private String disagreementThreshold = "30";
    /** The academy's course applicants must have completed first, or null for none. */
    private Long requiredCourseId;
    private boolean reviewed;
    private final List<Question> questions = new ArrayList<>();
    private final List<Criterion> criteria = new ArrayList<>();

    /** One question of the application form. */
    public static class Question implements Serializable {
        private Long id;
        private String kind = "SHORT_TEXT";
        private final Map<String, String> label = perLanguage();
        private final Map<String, String> help = perLanguage();
        /** One option per line, per language; lines match by position. */
        private final Map<String, String> choices = perLanguage();
        private List<QuestionChoice> saved = List.of();
        private boolean required = true;
        private String maxLength;
        private String minValue;
        private String maxValue;
        private long answers;
        private boolean removed;
        private boolean confirmRemoval;

        public Question() {}

        public Question(Long id, long answers, List<QuestionChoice> saved) {
            this.id = id;
            this.answers = answers;
            this.saved = List.copyOf(saved);
            for (String language : Languages.SUPPORTED) {
                List<String> lines = saved.stream().map(c -> c.label().getOrDefault(language, "")).toList();
                if (lines.stream().anyMatch(l -> !l.isBlank())) {
                    choices.put(language, String.join("\n", lines));
                }
            }
        }

        public boolean isChoice() {
            return "CHOICE".equals(kind) || "MULTI_CHOICE".equals(kind);
        }

        public boolean isText() {
            return "SHORT_TEXT".equals(kind) || "LONG_TEXT".equals(kind);
        }

        public boolean isNumber() {
            return "NUMBER".equals(kind);
        }

        public Long getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public Map<String, String> getLabel() {
            return label;
        }

        public Map<String, String> getHelp() {
            return help;
        }

        public Map<String, String> getChoices() {
            return choices;
        }

        /** The options as last saved, so an unchanged English label keeps its value. */
        public List<QuestionChoice> getSaved() {
            return saved;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getMaxLength() {
            return maxLength;
        }

        public void setMaxLength(String maxLength) {
            this.maxLength = maxLength;
        }

        public String getMinValue() {
            return minValue;
        }

        public void setMinValue(String minValue) {
            this.minValue = minValue;
        }

        public String getMaxValue() {
            return maxValue;
        }

        public void setMaxValue(String maxValue) {
            this.maxValue = maxValue;
        }

        /** How many applications (drafts included) answer it, when the editor was opened. */
        public long getAnswers() {
            return answers;
        }

        public boolean isRemoved() {
            return removed;
        }

        public boolean isConfirmRemoval() {
            return confirmRemoval;
        }

        public void setConfirmRemoval(boolean confirmRemoval) {
            this.confirmRemoval = confirmRemoval;
        }
    }

    /** One weighted criterion of the review rubric. */
    public static class Criterion implements Serializable {
        private String key;
        private final Map<String, String> label = perLanguage();
        private final Map<String, String> guidance = perLanguage();
        private String weight;
        private String maxScore = "5";
        /** One band per line, "0-1 weak", in English: the ranges and their English labels. */
        private String bands;
        /** The bands' labels in each other language, line for line ("faible" or "0-1 faible"). */
        private final Map<String, String> bandTranslations = translations();

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public Map<String, String> getLabel() {
            return label;
        }

        public Map<String, String> getGuidance() {
            return guidance;
        }

        public String getWeight() {
            return weight;
        }

        public void setWeight(String weight) {
            this.weight = weight;
        }

        public String getMaxScore() {
            return maxScore;
        }

        public void setMaxScore(String maxScore) {
            this.maxScore = maxScore;
        }

        public String getBands() {
            return bands;
        }

        public void setBands(String bands) {
            this.bands = bands;
        }

        public Map<String, String> getBandTranslations() {
            return bandTranslations;
        }

        /** The key as stored: the one typed, else a slug of the English label. */
        public String effectiveKey() {
            return key == null || key.isBlank() ? QuestionChoice.slug(label.get("en")) : key.strip();
        }
    }

    static Map<String, String> perLanguage() {
        Map<String, String> texts = new LinkedHashMap<>();
        Languages.SUPPORTED.forEach(language -> texts.put(language, null));
        return texts;
    }

    /** Every supported language but English, for texts whose English version is kept apart. */
    static Map<String, String> translations() {
        Map<String, String> texts = perLanguage();
        texts.remove(Languages.DEFAULT);
        return texts;
    }

    public Question addQuestion() {
        Question question = new Question();
        questions.add(question);
        return question;
    }

    /** A saved question is only marked (and can be kept again) until the call is saved; a new one just goes. */
    public void remove(Question question) {
        if (question.id == null) {
            questions.remove(question);
        } else {
            question.removed = true;
        }
    }

    public void keep(Question question) {
        question.removed = false;
        question.confirmRemoval = false;
    }

    public void moveUp(Question question) {
        int at = questions.indexOf(question);
        if (at > 0) {
            Collections.swap(questions, at, at - 1);
        }
    }

    public void moveDown(Question question) {
        int at = questions.indexOf(question);
        if (at >= 0 && at < questions.size() - 1) {
            Collections.swap(questions, at, at + 1);
        }
    }

    public Criterion addCriterion() {
        Criterion criterion = new Criterion();
        criteria.add(criterion);
        return criterion;
    }

    public void remove(Criterion criterion) {
        criteria.remove(criterion);
    }

    /** Replaces the rubric with {@link DefaultRubric}. */
    public void useDefaultRubric() {
        criteria.clear();
        for (DefaultRubric.Criterion d : DefaultRubric.CRITERIA) {
            Criterion criterion = addCriterion();
            criterion.key = d.key();
            criterion.label.putAll(d.label());
            criterion.guidance.putAll(d.guidance());
            criterion.weight = String.valueOf(d.weight());
            criterion.maxScore = String.valueOf(DefaultRubric.MAX_SCORE);
            criterion.bands = DefaultRubric.lines(Languages.DEFAULT);
            criterion.bandTranslations.replaceAll((language, none) -> DefaultRubric.lines(language));
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public Map<String, String> getSummary() {
        return summary;
    }

    public Map<String, String> getDescription() {
        return description;
    }

    public Map<String, String> getEligibility() {
        return eligibility;
    }

    public String getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(String opensAt) {
        this.opensAt = opensAt;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(String closesAt) {
        this.closesAt = closesAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getMaxVentures() {
        return maxVentures;
    }

    public void setMaxVentures(String maxVentures) {
        this.maxVentures = maxVentures;
    }

    public boolean isBlindReview() {
        return blindReview;
    }

    public void setBlindReview(boolean blindReview) {
        this.blindReview = blindReview;
    }

    public boolean isShareFeedback() {
        return shareFeedback;
    }

    public void setShareFeedback(boolean shareFeedback) {
        this.shareFeedback = shareFeedback;
    }

    public String getReviewDeadline() {
        return reviewDeadline;
    }

    public void setReviewDeadline(String reviewDeadline) {
        this.reviewDeadline = reviewDeadline;
    }

    public String getDisagreementThreshold() {
        return disagreementThreshold;
    }

    public void setDisagreementThreshold(String disagreementThreshold) {
        this.disagreementThreshold = disagreementThreshold;
    }

    /** Whether a review of this call was submitted when the editor was opened: rubric keys then stay. */
    public Long getRequiredCourseId() {
        return requiredCourseId;
    }

    public void setRequiredCourseId(Long requiredCourseId) {
        this.requiredCourseId = requiredCourseId;
    }

    public boolean isReviewed() {
        return reviewed;
    }

    public void setReviewed(boolean reviewed) {
        this.reviewed = reviewed;
    }

    public List<Question> getQuestions() {
        return questions;
    }

    public List<Criterion> getCriteria() {
        return criteria;
    }
}
