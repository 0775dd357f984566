package org.hamkke.academy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A course as the editor holds it while staff type: texts per language, numbers as typed (so a
 * wrong one comes back with a message next to it, not a converter's error), the prerequisites
 * chosen. {@link Course#revise} checks and applies it.
 */
public class CourseForm implements Serializable {

    private Long id;
    private long version;
    private Map<String, String> title = new HashMap<>();
    private Map<String, String> summary = new HashMap<>();
    private Map<String, String> outcomes = new HashMap<>();
    private String language = "en";
    private String level = Level.BEGINNER.name();
    private String durationWeeks = "4";
    private String defaultCapacity = "20";
    private String minAttendance = "80";
    private boolean finalAssessment;
    private boolean archived;
    private List<Long> prerequisites = new ArrayList<>();

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

    public void setTitle(Map<String, String> title) {
        this.title = new HashMap<>(title);
    }

    public Map<String, String> getSummary() {
        return summary;
    }

    public void setSummary(Map<String, String> summary) {
        this.summary = new HashMap<>(summary);
    }

    /** What a learner can do after the course, one outcome per line, per language. */
    public Map<String, String> getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(Map<String, String> outcomes) {
        this.outcomes = new HashMap<>(outcomes);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getDurationWeeks() {
        return durationWeeks;
    }

    public void setDurationWeeks(String durationWeeks) {
        this.durationWeeks = durationWeeks;
    }

    public String getDefaultCapacity() {
        return defaultCapacity;
    }

    public void setDefaultCapacity(String defaultCapacity) {
        this.defaultCapacity = defaultCapacity;
    }

    /** The share of sessions a learner must attend to complete, in percent. */
    public String getMinAttendance() {
        return minAttendance;
    }

    public void setMinAttendance(String minAttendance) {
        this.minAttendance = minAttendance;
    }

    public boolean isFinalAssessment() {
        return finalAssessment;
    }

    public void setFinalAssessment(boolean finalAssessment) {
        this.finalAssessment = finalAssessment;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public List<Long> getPrerequisites() {
        return prerequisites;
    }

    public void setPrerequisites(List<Long> prerequisites) {
        this.prerequisites = prerequisites == null ? new ArrayList<>() : new ArrayList<>(prerequisites);
    }
}
