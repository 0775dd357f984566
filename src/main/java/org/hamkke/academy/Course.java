package org.hamkke.academy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamkke.identity.Languages;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * A course of the entrepreneur academy; it runs as one or more {@link Cohort}s. Its rules:
 *
 * <ul>
 *   <li><b>What a course must say</b> ({@link #problems}): an English title and summary (the
 *       fallback every reader gets), texts that can be stored, a language of instruction, sensible
 *       numbers; {@link #revise} applies a form only when nothing is wrong with it.
 *   <li><b>Prerequisites</b>: courses a learner must have completed first; never the course itself
 *       (and no longer cycle, which {@link Courses} finds in the database).
 *   <li><b>Completion</b> ({@link #isCompletedBy}): a share of the sessions attended, and a final
 *       assessment passed when the course asks for one.
 *   <li><b>Archived</b> courses keep their cohorts and history; they take no new enrolments.
 * </ul>
 */
@Entity
@Table(name = "course")
public class Course extends BaseEntity {

    static final int TITLE_LENGTH = 200;
    static final int SUMMARY_LENGTH = 1000;
    static final int OUTCOMES_LENGTH = 4000;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText title;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText summary;

    @Convert(converter = LocalizedTextConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private LocalizedText outcomes = LocalizedText.of(Map.of());

    /** The language the course is taught in (ISO 639 code): the catalog filters by it. */
    @Column(nullable = false)
    private String language = "en";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level = Level.BEGINNER;

    @Column(name = "duration_weeks", nullable = false)
    private int durationWeeks;

    /** What a new cohort of the course offers unless staff say otherwise. */
    @Column(name = "default_capacity", nullable = false)
    private int defaultCapacity = 20;

    /** The completion rule: the share of sessions attended, in percent... */
    @Column(name = "min_attendance", nullable = false)
    private int minAttendance = 80;

    /** ...and whether a final assessment must be passed too. */
    @Column(name = "final_assessment", nullable = false)
    private boolean finalAssessment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CourseStatus status = CourseStatus.ACTIVE;

    @ElementCollection
    @CollectionTable(name = "course_prerequisite", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "required_id")
    private Set<Long> prerequisites = new LinkedHashSet<>();

    protected Course() {}

    /** A new course, from a form that has passed {@link #problems}. */
    static Course from(CourseForm form) {
        Course course = new Course();
        course.revise(form);
        return course;
    }

    /**
     * What stops the form from being saved, each problem with its field; empty when it may be.
     * Prerequisites are checked against the course itself here; that they exist and make no cycle
     * is {@link Courses}' to check, in the database.
     */
    static List<Problem> problems(CourseForm form) {
        List<Problem> problems = new ArrayList<>();
        texts(problems, "title", form.getTitle(), TITLE_LENGTH, true);
        texts(problems, "summary", form.getSummary(), SUMMARY_LENGTH, true);
        texts(problems, "outcomes", form.getOutcomes(), OUTCOMES_LENGTH, false);
        if (form.getLanguage() == null || !LANGUAGE.matcher(form.getLanguage().strip()).matches()) {
            problems.add(new Problem("language", "academy.course.language"));
        }
        if (level(form.getLevel()).isEmpty()) {
            problems.add(new Problem("level", "academy.course.level"));
        }
        Numbers.whole(problems, "durationWeeks", form.getDurationWeeks(), 1, 104);
        Numbers.whole(problems, "defaultCapacity", form.getDefaultCapacity(), 1, 10_000);
        Numbers.whole(problems, "minAttendance", form.getMinAttendance(), 0, 100);
        if (form.getId() != null && form.getPrerequisites().contains(form.getId())) {
            problems.add(new Problem("prerequisites", "academy.course.prerequisiteItself"));
        }
        return problems;
    }

    /**
     * Applies the form, all of it or nothing.
     *
     * @throws Refused with every problem ({@link #problems})
     */
    void revise(CourseForm form) {
        List<Problem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        title = LocalizedText.of(form.getTitle());
        summary = LocalizedText.of(form.getSummary());
        outcomes = LocalizedText.of(form.getOutcomes());
        language = form.getLanguage().strip();
        level = level(form.getLevel()).orElseThrow();
        durationWeeks = Integer.parseInt(form.getDurationWeeks().strip());
        defaultCapacity = Integer.parseInt(form.getDefaultCapacity().strip());
        minAttendance = Integer.parseInt(form.getMinAttendance().strip());
        finalAssessment = form.isFinalAssessment();
        status = form.isArchived() ? CourseStatus.ARCHIVED : CourseStatus.ACTIVE;
        prerequisites.clear();
        prerequisites.addAll(new LinkedHashSet<>(form.getPrerequisites()));
    }

    /**
     * Refuses to save over a version someone else changed since the editor was opened (they saw
     * {@code seenVersion}); nothing is overwritten.
     */
    void requireSeen(long seenVersion) {
        if (getVersion() != seenVersion) {
            throw new Refused("academy.changedMeanwhile");
        }
    }

    /** The course as its editor shows it. */
    CourseForm toForm() {
        CourseForm form = new CourseForm();
        form.setId(getId());
        form.setVersion(getVersion());
        form.setTitle(title.asMap());
        form.setSummary(summary.asMap());
        form.setOutcomes(outcomes.asMap());
        form.setLanguage(language);
        form.setLevel(level.name());
        form.setDurationWeeks(String.valueOf(durationWeeks));
        form.setDefaultCapacity(String.valueOf(defaultCapacity));
        form.setMinAttendance(String.valueOf(minAttendance));
        form.setFinalAssessment(finalAssessment);
        form.setArchived(status == CourseStatus.ARCHIVED);
        form.setPrerequisites(new ArrayList<>(prerequisites));
        return form;
    }

    /**
     * The completion rule: a learner completes the course when they attended at least
     * {@code minAttendance} percent of the cohort's sessions (present, late or excused) and, when
     * the course asks for one, passed the final assessment. A cohort without sessions is completed
     * on the assessment alone.
     */
    public boolean isCompletedBy(int attended, int sessions, boolean assessmentPassed) {
        if (finalAssessment && !assessmentPassed) {
            return false;
        }
        return sessions == 0 || attended * 100L >= (long) minAttendance * sessions;
    }

    public boolean isActive() {
        return status == CourseStatus.ACTIVE;
    }

    private static Optional<Level> level(String name) {
        for (Level l : Level.values()) {
            if (l.name().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Each language's text within its limit and storable; English required where asked. */
    private static void texts(List<Problem> problems, String field, Map<String, String> byLanguage, int max, boolean required) {
        Map<String, String> texts = byLanguage == null ? new HashMap<>() : byLanguage;
        for (var text : texts.entrySet()) {
            if (!Languages.SUPPORTED.contains(text.getKey())) {
                continue;
            }
            Optional<String> problem = StorableText.problem(text.getValue(), max);
            if (problem.isPresent()) {
                problems.add(new Problem(field, problem.get(), String.valueOf(max)));
                return;
            }
        }
        String english = texts.get(Languages.DEFAULT);
        if (required && (english == null || english.isBlank())) {
            problems.add(new Problem(field, "academy.englishRequired"));
        }
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary;
    }

    public LocalizedText getOutcomes() {
        return outcomes;
    }

    public String getLanguage() {
        return language;
    }

    public Level getLevel() {
        return level;
    }

    public int getDurationWeeks() {
        return durationWeeks;
    }

    public int getDefaultCapacity() {
        return defaultCapacity;
    }

    public int getMinAttendance() {
        return minAttendance;
    }

    public boolean isFinalAssessment() {
        return finalAssessment;
    }

    public CourseStatus getStatus() {
        return status;
    }

    public Set<Long> getPrerequisites() {
        return Collections.unmodifiableSet(prerequisites);
    }
}
