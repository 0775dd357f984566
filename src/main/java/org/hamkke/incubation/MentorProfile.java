package org.hamkke.incubation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hamkke.incubation.matching.Mode;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;
import org.hamkke.shared.TagsConverter;

/**
 * What a mentor offers the programme: expertise, languages, region, in person or online, a hard
 * cap on concurrent ventures, and whether they take new ones now. One per person. The places it
 * has taken are counted by the database (V19), never written here: the cap cannot be lowered
 * below them.
 */
@Entity
@Table(name = "mentor_profile")
public class MentorProfile {

    static final int MAX_CAP = 50;
    static final int REGION_LENGTH = 100;
    static final int ABOUT_LENGTH = 2000;

    @Id
    @Column(name = "person_id")
    private long personId;

    @Version
    @Column(nullable = false)
    private long version;

    @Convert(converter = TagsConverter.class)
    private Set<String> expertise = new TreeSet<>();

    @Convert(converter = TagsConverter.class)
    private Set<String> languages = new TreeSet<>();

    private String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mode mode = Mode.BOTH;

    @Column(nullable = false)
    private int cap = 3;

    @Column(name = "places_taken", insertable = false, updatable = false)
    private int placesTaken;

    @Column(nullable = false)
    private boolean available = true;

    private String about;

    protected MentorProfile() {}

    MentorProfile(long personId) {
        this.personId = personId;
    }

    /** What a mentor (or staff for them) may change, as typed. */
    public record Form(Set<String> expertise, Set<String> languages, String region, Mode mode, Integer cap, boolean available, String about) {}

    /**
     * Takes the form, whole or not at all.
     *
     * @throws Refused every problem with its field: cap missing, out of 0..50 or below the places
     *     taken now, region or text too long
     */
    void update(Form form) {
        List<Problem> problems = new ArrayList<>();
        if (form.cap() == null) {
            problems.add(new Problem("cap", "incubation.profile.capMissing"));
        } else if (form.cap() < 0 || form.cap() > MAX_CAP) {
            problems.add(new Problem("cap", "incubation.profile.capRange", String.valueOf(MAX_CAP)));
        } else if (form.cap() < placesTaken) {
            problems.add(new Problem("cap", "incubation.profile.capBelowTaken", String.valueOf(placesTaken)));
        }
        if (form.mode() == null) {
            problems.add(new Problem("mode", "incubation.profile.modeMissing"));
        }
        String cleanRegion = StorableText.checked(form.region(), REGION_LENGTH, "region", problems);
        String cleanAbout = StorableText.checked(form.about(), ABOUT_LENGTH, "about", problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        expertise = new TreeSet<>(form.expertise());
        languages = new TreeSet<>(form.languages());
        region = cleanRegion;
        mode = form.mode();
        cap = form.cap();
        available = form.available();
        about = cleanAbout;
    }

    public Form form() {
        return new Form(expertise, languages, region, mode, cap, available, about);
    }

    public long getPersonId() {
        return personId;
    }

    public long getVersion() {
        return version;
    }

    public Set<String> getExpertise() {
        return expertise;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public String getRegion() {
        return region;
    }

    public Mode getMode() {
        return mode;
    }

    public int getCap() {
        return cap;
    }

    public int getPlacesTaken() {
        return placesTaken;
    }

    public boolean isAvailable() {
        return available;
    }

    public String getAbout() {
        return about;
    }
}
