package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;

/**
 * One weighted criterion of a call's review rubric. Reviews keep their scores by its {@link #getKey
 * key}, which is why a key stays while submitted reviews use it ({@link Calls}).
 */
@Entity
@Table(name = "rubric_criterion")
public class RubricCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "call_id")
    private ProgrammeCall call;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String key;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText label;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText guidance;

    @Column(nullable = false)
    private BigDecimal weight;

    @Column(name = "max_score", nullable = false)
    private int maxScore;

    @Convert(converter = IntakeJson.Bands.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<ScoreBand> bands = List.of();

    protected RubricCriterion() {}

    RubricCriterion(ProgrammeCall call, int position, String key, LocalizedText label, LocalizedText guidance, BigDecimal weight,
            int maxScore, List<ScoreBand> bands) {
        if (weight.signum() <= 0 || maxScore <= 0) {
            throw new IllegalArgumentException("Weight and top score must be positive: " + key);
        }
        this.call = call;
        this.position = position;
        this.key = key;
        this.label = label;
        this.guidance = guidance;
        this.weight = weight;
        this.maxScore = maxScore;
        this.bands = List.copyOf(bands);
    }

    /** The criterion as {@link Scoring} weighs it. */
    public Scoring.Criterion scoring() {
        return new Scoring.Criterion(key, weight.doubleValue(), maxScore);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getKey() {
        return key;
    }

    public LocalizedText getLabel() {
        return label;
    }

    public LocalizedText getGuidance() {
        return guidance;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public int getMaxScore() {
        return maxScore;
    }

    public List<ScoreBand> getBands() {
        return bands;
    }
}
