package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;

/**
 * One question of a call's application form, and what an answer to it must be
 * ({@link #problemWith}).
 *
 * <p>A question is never deleted, only removed ({@link #remove}): applications submitted before
 * keep showing what their applicants were asked and answered, files included
 * ({@link #shownTo}); new applicants no longer see it.
 */
@Entity
@Table(name = "call_question")
public class CallQuestion {

    /** The kinds of question the form builder offers. */
    public enum Kind {
        SHORT_TEXT,
        LONG_TEXT,
        NUMBER,
        CHOICE,
        MULTI_CHOICE,
        DATE,
        FILE;

        public boolean isChoice() {
            return this == CHOICE || this == MULTI_CHOICE;
        }
    }

    /** Several choices are kept in one answer, one value per line. */
    public static final String MULTI_SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id")
    private ProgrammeCall call;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText label;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText help;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "max_length")
    private Integer maxLength;

    @Column(name = "min_value")
    private BigDecimal minValue;

    @Column(name = "max_value")
    private BigDecimal maxValue;

    @Convert(converter = IntakeJson.Choices.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<QuestionChoice> choices = List.of();

    @Column(name = "removed_at")
    private Instant removedAt;

    protected CallQuestion() {}

    CallQuestion(ProgrammeCall call) {
        this.call = call;
    }

    /**
     * Sets everything staff edit. Only what the kind uses is kept: a length for texts, a range for
     * numbers, options for choices.
     */
    void revise(Kind kind, LocalizedText label, LocalizedText help, boolean required, Integer maxLength, BigDecimal min,
            BigDecimal max, List<QuestionChoice> choices, int position) {
        if (removedAt != null) {
            throw new IllegalStateException("Question " + id + " was removed");
        }
        this.kind = kind;
        this.label = label;
        this.help = help;
        this.required = required;
        boolean text = kind == Kind.SHORT_TEXT || kind == Kind.LONG_TEXT;
        this.maxLength = text ? maxLength : null;
        this.minValue = kind == Kind.NUMBER ? min : null;
        this.maxValue = kind == Kind.NUMBER ? max : null;
        this.choices = kind.isChoice() ? List.copyOf(choices) : List.of();
        this.position = position;
    }

    /** Out of the form from now on; kept for the applications that answered it. */
    void remove(Instant now) {
        if (removedAt == null) {
            removedAt = now;
        }
    }

    /** Moves out of the way of the live questions' unique positions while the form is reordered. */
    void park(int at) {
        this.position = at;
    }

    public boolean isAsked() {
        return removedAt == null;
    }

    /**
     * Whether an application's reader sees this question: every live one, and a removed one when
     * the application was submitted before it was removed and answered it (text or file).
     */
    boolean shownTo(Application application, boolean answered) {
        return isAsked() || (application.getSubmittedAt() != null && application.getSubmittedAt().isBefore(removedAt) && answered);
    }

    /**
     * What is wrong with an answer to this question, as a message key; empty when it may be
     * submitted. A FILE question is answered by an attached file, not a text.
     */
    public Optional<String> problemWith(String answer, boolean fileAttached) {
        boolean blank = answer == null || answer.isBlank();
        if (kind == Kind.FILE) {
            return required && !fileAttached ? Optional.of("apply.file.required") : Optional.empty();
        }
        if (blank) {
            return required ? Optional.of("apply.answerRequired") : Optional.empty();
        }
        if (maxLength != null && answer.length() > maxLength) {
            return Optional.of("apply.answerTooLong");
        }
        return switch (kind) {
            case NUMBER -> !answer.strip().matches("-?\\d+([.,]\\d+)?")
                    ? Optional.of("apply.answerNumber")
                    : outside(new BigDecimal(answer.strip().replace(',', '.'))) ? Optional.of("apply.answerRange") : Optional.empty();
            case CHOICE -> values().contains(answer) ? Optional.empty() : Optional.of("apply.answerChoice");
            case MULTI_CHOICE -> values().containsAll(List.of(answer.split(MULTI_SEPARATOR)).stream().filter(v -> !v.isBlank()).toList())
                    ? Optional.empty()
                    : Optional.of("apply.answerChoice");
            default -> Optional.empty();
        };
    }

    private boolean outside(BigDecimal value) {
        return (minValue != null && value.compareTo(minValue) < 0) || (maxValue != null && value.compareTo(maxValue) > 0);
    }

    /** The stable values of the options ({@link QuestionChoice}). */
    public List<String> values() {
        return choices.stream().map(QuestionChoice::value).toList();
    }

    /** The longest answer it takes: its own limit, else the form's default for its kind ({@link TextRules}). */
    public int limit() {
        if (maxLength != null) {
            return maxLength;
        }
        return kind == Kind.LONG_TEXT || kind.isChoice() ? TextRules.LONG_ANSWER : TextRules.SHORT_ANSWER;
    }

    public Long getId() {
        return id;
    }

    public ProgrammeCall getCall() {
        return call;
    }

    public int getPosition() {
        return position;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalizedText getLabel() {
        return label;
    }

    public LocalizedText getHelp() {
        return help;
    }

    public boolean isRequired() {
        return required;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public BigDecimal getMinValue() {
        return minValue;
    }

    public BigDecimal getMaxValue() {
        return maxValue;
    }

    public List<QuestionChoice> getChoices() {
        return choices;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }
}
