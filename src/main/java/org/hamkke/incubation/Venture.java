package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;
import org.hamkke.shared.TagsConverter;

/**
 * An incubated venture: created when its application is accepted ({@link Ventures}), then
 * described for matching: what it needs (expertise tags), the languages its members speak, its
 * region, and whether it wants its mentor in person.
 */
@Entity
@Table(name = "venture")
public class Venture extends BaseEntity {

    static final int REGION_LENGTH = 100;

    @Column(name = "application_id", nullable = false, updatable = false)
    private long applicationId;

    @Column(nullable = false, updatable = false)
    private String name;

    private String region;

    @Convert(converter = TagsConverter.class)
    private Set<String> needs = new TreeSet<>();

    @Convert(converter = TagsConverter.class)
    private Set<String> languages = new TreeSet<>();

    @Column(name = "wants_in_person", nullable = false)
    private boolean wantsInPerson = true;

    protected Venture() {}

    /** What staff or the members say the venture needs, as typed. */
    public record Needs(Set<String> needs, Set<String> languages, String region, boolean wantsInPerson) {}

    /** @throws Refused when the region cannot be stored */
    void describe(Needs form) {
        List<Problem> problems = new ArrayList<>();
        String cleanRegion = StorableText.checked(form.region(), REGION_LENGTH, "region", problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        needs = new TreeSet<>(form.needs());
        languages = new TreeSet<>(form.languages());
        region = cleanRegion;
        wantsInPerson = form.wantsInPerson();
    }

    public Needs needs() {
        return new Needs(needs, languages, region, wantsInPerson);
    }

    public long getApplicationId() {
        return applicationId;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }
}
