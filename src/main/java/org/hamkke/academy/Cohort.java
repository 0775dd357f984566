package org.hamkke.academy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hamkke.shared.BaseEntity;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * One run of a {@link Course}: its dates, where it meets, its seats, who may join and when. The
 * cohort is the aggregate that owns its seats, so every rule about them lives here or in
 * {@link Enrolment}, which reports each seat it takes or frees back to its cohort:
 *
 * <ul>
 *   <li><b>Enrolling</b> ({@link #enrol}): only inside the enrolment window, only for the invited
 *       when the cohort is invited-only, only with every prerequisite completed, once per person.
 *       With approval required the request waits for staff; otherwise a free seat is confirmed at
 *       once, and when the cohort is full (or others already wait) the person joins the waitlist.
 *   <li><b>The waitlist is served in request order</b> ({@link #offerFreeSeats}): each freed seat
 *       is offered to the first in line, for a limited time; an offer holds its seat meanwhile.
 *   <li><b>Never more seats taken than the capacity</b>: a seat is taken only when one is free
 *       ({@link #seatTaken}), and the capacity is never set below the seats taken
 *       ({@link #problems}). The database holds the same rule as a check on the count its trigger
 *       keeps (V14), and the services take the cohort's row lock before any change, so it holds
 *       under any concurrency, on any number of instances.
 *   <li><b>Dates</b>: the end is not before the start; sessions stay within them
 *       ({@link #schedule}); an edit that would leave a session outside is refused.
 *   <li><b>What the editor saw</b>: a save on a version someone else changed is refused
 *       ({@link #requireSeen}); {@code @Version} backs it in the database.
 * </ul>
 */
@Entity
@Table(name = "cohort")
public class Cohort extends BaseEntity {

    static final int LABEL_LENGTH = 200;
    static final int VENUE_LENGTH = 200;
    static final int ROOM_LENGTH = 100;
    static final int LINK_LENGTH = 500;
    static final int ZONE_LENGTH = 60;
    static final int TITLE_LENGTH = 200;
    static final int MAX_INVITATIONS = 2000;
    /** As a datetime-local input shows and sends a moment: to the minute, on the cohort's clock. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", updatable = false)
    private Course course;

    private String label;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    private String venue;

    private String room;

    @Column(name = "meeting_link")
    private String meetingLink;

    @Column(nullable = false)
    private int capacity;

    /**
     * Confirmed, offered and completed enrolments: kept by the database's trigger in the statement
     * that changes an enrolment (never written from here), and followed in memory by
     * {@link #seatTaken} and {@link #seatFreed} while a transaction works on the cohort.
     */
    @Column(name = "seats_taken", insertable = false, updatable = false)
    private int seatsTaken;

    @Column(name = "enrolment_opens_at", nullable = false)
    private Instant enrolmentOpensAt;

    @Column(name = "enrolment_closes_at", nullable = false)
    private Instant enrolmentClosesAt;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.PUBLIC;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "cohort_instructor", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "person_id")
    private Set<Long> instructors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "cohort_invitation", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "email")
    private Set<String> invitations = new LinkedHashSet<>();

    @OneToMany(mappedBy = "cohort", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startsAt")
    private List<Session> sessions = new ArrayList<>();

    protected Cohort() {}

    /** What stands between a person and a seat, as the service found it in the database. */
    public record Eligibility(boolean alreadyEnrolled, boolean invited, List<String> missingPrerequisites, long waiting) {}

    // ---- making and editing ----

    /**
     * A new cohort of the course, from the editor's form.
     *
     * @throws Refused with every problem ({@link #problems}), or "academy.cohort.courseArchived"
     */
    static Cohort of(Course course, CohortForm form, Instant now) {
        if (!course.isActive()) {
            throw new Refused(List.of(new Problem("courseId", "academy.cohort.courseArchived")));
        }
        Cohort cohort = new Cohort();
        cohort.course = course;
        cohort.createdAt = now;
        cohort.revise(form);
        return cohort;
    }

    /**
     * What stops the form from being saved, each problem with its field; empty when it may be.
     *
     * @param existing the cohort being edited (its seats taken and sessions constrain the form), or null for a new one
     */
    static List<Problem> problems(CohortForm form, Cohort existing) {
        List<Problem> problems = new ArrayList<>();
        if (form.getCourseId() == null) {
            problems.add(new Problem("courseId", "academy.cohort.course"));
        }
        text(problems, "label", form.getLabel(), LABEL_LENGTH);
        Optional<ZoneId> zone = zone(form.getTimeZone());
        if (zone.isEmpty()) {
            problems.add(new Problem("timeZone", "academy.timeZone"));
        }
        Optional<LocalDate> starts = date(form.getStartsOn());
        Optional<LocalDate> ends = date(form.getEndsOn());
        if (starts.isEmpty()) {
            problems.add(new Problem("startsOn", "academy.date"));
        }
        if (ends.isEmpty()) {
            problems.add(new Problem("endsOn", "academy.date"));
        } else if (starts.isPresent() && ends.get().isBefore(starts.get())) {
            problems.add(new Problem("endsOn", "academy.cohort.endBeforeStart"));
        }
        Optional<Delivery> delivery = delivery(form.getDelivery());
        if (delivery.isEmpty()) {
            problems.add(new Problem("delivery", "academy.cohort.delivery"));
        } else {
            if (delivery.get().needsVenue() && blank(form.getVenue())) {
                problems.add(new Problem("venue", "academy.cohort.venueRequired"));
            }
            if (delivery.get().needsLink() && blank(form.getMeetingLink())) {
                problems.add(new Problem("meetingLink", "academy.cohort.linkRequired"));
            }
        }
        text(problems, "venue", form.getVenue(), VENUE_LENGTH);
        text(problems, "room", form.getRoom(), ROOM_LENGTH);
        if (!text(problems, "meetingLink", form.getMeetingLink(), LINK_LENGTH) && !blank(form.getMeetingLink())
                && !form.getMeetingLink().strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add(new Problem("meetingLink", "academy.cohort.linkHttps"));
        }
        Optional<Integer> capacity = Numbers.whole(problems, "capacity", form.getCapacity(), 1, 10_000);
        if (capacity.isPresent() && existing != null && capacity.get() < existing.seatsTaken) {
            problems.add(new Problem("capacity", "academy.cohort.capacityBelowTaken", String.valueOf(existing.seatsTaken)));
        }
        Optional<LocalDateTime> opens = dateTime(form.getEnrolmentOpensAt());
        Optional<LocalDateTime> closes = dateTime(form.getEnrolmentClosesAt());
        if (opens.isEmpty()) {
            problems.add(new Problem("enrolmentOpensAt", "academy.dateTime"));
        }
        if (closes.isEmpty()) {
            problems.add(new Problem("enrolmentClosesAt", "academy.dateTime"));
        } else if (opens.isPresent() && !closes.get().isAfter(opens.get())) {
            problems.add(new Problem("enrolmentClosesAt", "academy.cohort.windowCloses"));
        }
        List<String> invitations = invitations(form.getInvitations());
        invitations.stream().filter(e -> !EMAIL.matcher(e).matches() || e.length() > 254).findFirst()
                .ifPresent(bad -> problems.add(new Problem("invitations", "academy.cohort.invitationInvalid", bad)));
        if (invitations.size() > MAX_INVITATIONS) {
            problems.add(new Problem("invitations", "academy.cohort.invitationsTooMany", String.valueOf(MAX_INVITATIONS)));
        }
        if (existing != null && zone.isPresent() && starts.isPresent() && ends.isPresent()) {
            // Cancelled sessions keep their old days: only the ones that take place must fit.
            existing.sessions.stream()
                    .filter(s -> !s.isCancelled())
                    .filter(s -> !within(s.getStartsAt(), s.getEndsAt(), zone.get(), starts.get(), ends.get()))
                    .findFirst()
                    .ifPresent(s -> problems.add(new Problem("endsOn", "academy.cohort.sessionsOutside",
                            s.getStartsAt().atZone(zone.get()).toLocalDate().toString())));
        }
        return problems;
    }

    /**
     * Applies the editor's form, all of it or nothing. A capacity raised frees seats: the service
     * offers them to the waitlist ({@link #offerFreeSeats}) in the same transaction.
     *
     * @throws Refused with every problem ({@link #problems})
     */
    void revise(CohortForm form) {
        // A new cohort has no seats taken and no sessions yet: the same checks hold for it.
        List<Problem> problems = problems(form, this);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        ZoneId zone = zone(form.getTimeZone()).orElseThrow();
        label = trim(form.getLabel());
        timeZone = zone.getId();
        startsOn = date(form.getStartsOn()).orElseThrow();
        endsOn = date(form.getEndsOn()).orElseThrow();
        delivery = delivery(form.getDelivery()).orElseThrow();
        venue = delivery.needsVenue() ? trim(form.getVenue()) : null;
        room = delivery.needsVenue() ? trim(form.getRoom()) : null;
        meetingLink = delivery.needsLink() ? trim(form.getMeetingLink()) : null;
        capacity = Integer.parseInt(form.getCapacity().strip());
        enrolmentOpensAt = dateTime(form.getEnrolmentOpensAt()).orElseThrow().atZone(zone).toInstant();
        enrolmentClosesAt = dateTime(form.getEnrolmentClosesAt()).orElseThrow().atZone(zone).toInstant();
        approvalRequired = form.isApprovalRequired();
        visibility = form.isInvitedOnly() ? Visibility.INVITED : Visibility.PUBLIC;
        instructors.clear();
        instructors.addAll(new LinkedHashSet<>(form.getInstructors()));
        invitations.clear();
        invitations.addAll(invitations(form.getInvitations()));
    }

    /** The cohort as its editor shows it: times on the cohort's wall clock. */
    CohortForm toForm() {
        CohortForm form = new CohortForm();
        form.setId(getId());
        form.setVersion(getVersion());
        form.setCourseId(course.getId());
        form.setLabel(label);
        form.setTimeZone(timeZone);
        form.setStartsOn(startsOn.toString());
        form.setEndsOn(endsOn.toString());
        form.setDelivery(delivery.name());
        form.setVenue(venue);
        form.setRoom(room);
        form.setMeetingLink(meetingLink);
        form.setCapacity(String.valueOf(capacity));
        form.setEnrolmentOpensAt(TYPED.format(enrolmentOpensAt.atZone(zone())));
        form.setEnrolmentClosesAt(TYPED.format(enrolmentClosesAt.atZone(zone())));
        form.setApprovalRequired(approvalRequired);
        form.setInvitedOnly(visibility == Visibility.INVITED);
        form.setInstructors(new ArrayList<>(instructors));
        form.setInvitations(String.join("\n", invitations));
        return form;
    }

    /**
     * Refuses to save over a version someone else changed since the editor was opened (they saw
     * {@code seenVersion}): the second of two staff is told, nothing is overwritten.
     */
    void requireSeen(long seenVersion) {
        if (getVersion() != seenVersion) {
            throw new Refused("academy.changedMeanwhile");
        }
    }

    // ---- sessions ----

    /**
     * Adds one session or a series ({@link SessionSeries}), all inside the cohort's dates or none.
     *
     * @return the sessions added
     * @throws Refused naming the field and, for a session outside the dates, its day
     */
    List<Session> schedule(SessionForm form) {
        List<Session> added = new ArrayList<>();
        for (SessionSeries.Slot slot : slots(form)) {
            Session session = new Session(this, trim(form.getTitle()), slot.startsAt(), slot.endsAt());
            sessions.add(session);
            added.add(session);
        }
        return added;
    }

    /**
     * The moments the form asks for, all inside the cohort's dates ({@link #schedule} without
     * adding them).
     *
     * @throws Refused as {@link #schedule}
     */
    List<SessionSeries.Slot> slots(SessionForm form) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "title", form.getTitle(), TITLE_LENGTH);
        Optional<LocalDate> day = date(form.getDate());
        Optional<LocalTime> start = time(form.getStartTime());
        Optional<LocalTime> end = time(form.getEndTime());
        if (day.isEmpty()) {
            problems.add(new Problem("date", "academy.date"));
        }
        if (start.isEmpty()) {
            problems.add(new Problem("startTime", "academy.time"));
        }
        if (end.isEmpty()) {
            problems.add(new Problem("endTime", "academy.time"));
        } else if (start.isPresent() && end.get().equals(start.get())) {
            problems.add(new Problem("endTime", "academy.session.endBeforeStart"));
        }
        SessionForm.Repeat repeat = repeat(form.getRepeat());
        int count = 1;
        if (repeat != SessionForm.Repeat.ONCE) {
            count = Numbers.whole(problems, "count", form.getCount(), 1, SessionSeries.MAX_COUNT).orElse(1);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<SessionSeries.Slot> slots = new SessionSeries(day.get(), start.get(), end.get(), repeat.weeks(), count).slots(zone());
        for (SessionSeries.Slot slot : slots) {
            if (!within(slot.startsAt(), slot.endsAt(), zone(), startsOn, endsOn)) {
                throw new Refused(List.of(new Problem("date", "academy.session.outsideCohort",
                        slot.startsAt().atZone(zone()).toLocalDate().toString())));
            }
        }
        return slots;
    }

    /**
     * Removes a session of this cohort, as if it had never been planned: only while nobody is
     * enrolled, since nobody then has to be told. Once someone counts on it, it is cancelled
     * instead ({@link Session#cancel}), with a reason they read, and kept (a cancelled one too: it is
     * in their notices and their calendars).
     *
     * @param anyoneEnrolled whether anyone holds or awaits a seat in the cohort
     * @return false when it is not one of this cohort's sessions
     * @throws Refused "academy.session.cancelInstead"
     */
    boolean unschedule(long sessionId, boolean anyoneEnrolled) {
        Optional<Session> session = session(sessionId);
        if (session.isEmpty()) {
            return false;
        }
        if (anyoneEnrolled) {
            throw new Refused("academy.session.cancelInstead");
        }
        return sessions.remove(session.get());
    }

    /** One of this cohort's sessions. */
    Optional<Session> session(long sessionId) {
        return sessions.stream().filter(s -> s.getId() != null && s.getId() == sessionId).findFirst();
    }

    /** Whether a session from start to end lies within the cohort's days, read on its clock. */
    boolean isWithin(Instant start, Instant end) {
        return within(start, end, zone(), startsOn, endsOn);
    }

    /**
     * The room the cohort's sessions occupy, as the timetable compares rooms: venue and room without
     * letter case or extra spaces; null when it meets online. The database computes the same key
     * ({@code academy_room_key}, V15) for its own check.
     */
    public String roomKey() {
        return roomKey(delivery, venue, room);
    }

    static String roomKey(Delivery delivery, String venue, String room) {
        if (delivery == null || !delivery.needsVenue() || blank(venue)) {
            return null;
        }
        return normalised(venue) + " | " + (blank(room) ? "" : normalised(room));
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether a session from start to end lies within the days from first to last, read in the zone. */
    private static boolean within(Instant start, Instant end, ZoneId zone, LocalDate first, LocalDate last) {
        LocalDate from = start.atZone(zone).toLocalDate();
        // A session ending exactly at midnight ends on the day it began.
        LocalDate to = end.minusNanos(1).atZone(zone).toLocalDate();
        return !from.isBefore(first) && !to.isAfter(last);
    }

    // ---- seats ----

    /**
     * A person asks to join. Refused with one clear reason, checked in this order: a second
     * enrolment, an archived course, outside the enrolment window, an invited-only cohort they are
     * not invited to, a prerequisite not completed. Otherwise: a request awaiting staff when the
     * cohort needs approval; a confirmed seat when one is free and nobody waits for it; else a
     * place on the waitlist, behind everyone who asked before.
     *
     * @throws Refused "academy.enrol.already", "academy.enrol.courseArchived", "academy.enrol.notYetOpen",
     *     "academy.enrol.closed", "academy.enrol.invitedOnly", "academy.enrol.prerequisite" (with the missing course)
     */
    Enrolment enrol(long personId, Eligibility eligibility, Instant now) {
        if (eligibility.alreadyEnrolled()) {
            throw new Refused("academy.enrol.already");
        }
        if (!course.isActive()) {
            throw new Refused("academy.enrol.courseArchived");
        }
        if (now.isBefore(enrolmentOpensAt)) {
            throw new Refused("academy.enrol.notYetOpen");
        }
        if (!now.isBefore(enrolmentClosesAt) || hasEnded(now)) {
            throw new Refused("academy.enrol.closed");
        }
        if (visibility == Visibility.INVITED && !eligibility.invited()) {
            throw new Refused("academy.enrol.invitedOnly");
        }
        if (!eligibility.missingPrerequisites().isEmpty()) {
            throw new Refused("academy.enrol.prerequisite", String.join(", ", eligibility.missingPrerequisites()));
        }
        if (approvalRequired) {
            return new Enrolment(this, personId, EnrolmentStatus.REQUESTED, now);
        }
        return seatOrWaitlist(personId, eligibility.waiting(), now);
    }

    /**
     * Staff enrol a person (bulk enrolment): staff are the approval, and may enrol outside the window
     * and regardless of invitations and prerequisites; capacity and one enrolment per person hold
     * as for anyone.
     *
     * @throws Refused "academy.enrol.already"
     */
    Enrolment enrolByStaff(long personId, boolean alreadyEnrolled, long waiting, Instant now) {
        if (alreadyEnrolled) {
            throw new Refused("academy.enrol.already");
        }
        return seatOrWaitlist(personId, waiting, now);
    }

    /**
     * Staff approve a request: a seat when one is free and nobody waits, else the waitlist, in the
     * order of the original request.
     */
    void approve(Enrolment request, long waiting, Instant now) {
        request.admit(hasFreeSeat() && waiting == 0, now);
    }

    private Enrolment seatOrWaitlist(long personId, long waiting, Instant now) {
        boolean seat = hasFreeSeat() && waiting == 0;
        return new Enrolment(this, personId, seat ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED, now);
    }

    /**
     * Offers the free seats to the first in line, one seat each, until the seats or the line run
     * out; nothing once the cohort has ended. Each offer holds its seat until it is accepted,
     * declined or expires.
     *
     * @param firstInLine the waitlisted enrolments in request order (at least {@link #freeSeats} of them when there are)
     * @return the enrolments offered a seat now
     */
    List<Enrolment> offerFreeSeats(List<Enrolment> firstInLine, Instant now, Duration hold) {
        List<Enrolment> offered = new ArrayList<>();
        if (hasEnded(now)) {
            return offered;
        }
        for (Enrolment waiting : firstInLine) {
            if (!hasFreeSeat()) {
                break;
            }
            waiting.offer(now, hold);
            offered.add(waiting);
        }
        return offered;
    }

    /** An enrolment of this cohort took a seat; only ever when one is free. */
    void seatTaken() {
        if (!hasFreeSeat()) {
            throw new IllegalStateException("Cohort " + getId() + " has no free seat: " + seatsTaken + " of " + capacity);
        }
        seatsTaken++;
    }

    /** An enrolment of this cohort gave its seat up. */
    void seatFreed() {
        seatsTaken--;
    }

    public boolean hasFreeSeat() {
        return seatsTaken < capacity;
    }

    public int freeSeats() {
        return Math.max(0, capacity - seatsTaken);
    }

    // ---- time ----

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The first moment of its first day, on its own clock. */
    public Instant startsAt() {
        return startsOn.atStartOfDay(zone()).toInstant();
    }

    /** The first moment after its last day. */
    public Instant endsAt() {
        return endsOn.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt());
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt());
    }

    public boolean isEnrolmentOpenAt(Instant now) {
        return !now.isBefore(enrolmentOpensAt) && now.isBefore(enrolmentClosesAt) && !hasEnded(now);
    }

    /** Whether this address (any letter case) is on the invitation list (loads the list: for a cohort in hand, not for enrolling). */
    public boolean invites(String email) {
        return email != null && invitations.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    // ---- parsing what staff typed ----

    static List<String> invitations(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String part : pasted.split("[\\s,;]+")) {
            String address = part.strip().toLowerCase(Locale.ROOT);
            if (address.startsWith("<") && address.endsWith(">")) {
                address = address.substring(1, address.length() - 1);
            }
            if (!address.isEmpty()) {
                found.add(address);
            }
        }
        return List.copyOf(found);
    }

    static Optional<ZoneId> zone(String typed) {
        if (blank(typed) || typed.strip().length() > ZONE_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(typed.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String typed) {
        try {
            return blank(typed) || typed.strip().length() > 10 ? Optional.empty() : Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDateTime> dateTime(String typed) {
        try {
            return blank(typed) || typed.strip().length() > 19 ? Optional.empty() : Optional.of(LocalDateTime.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String typed) {
        try {
            return blank(typed) || typed.strip().length() > 8 ? Optional.empty() : Optional.of(LocalTime.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Delivery> delivery(String name) {
        for (Delivery d : Delivery.values()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static SessionForm.Repeat repeat(String name) {
        for (SessionForm.Repeat r : SessionForm.Repeat.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return SessionForm.Repeat.ONCE;
    }

    /** Adds a problem for a text that is too long or cannot be stored; true when it did. */
    private static boolean text(List<Problem> problems, String field, String text, int max) {
        Optional<String> problem = StorableText.problem(text, max);
        problem.ifPresent(key -> problems.add(new Problem(field, key, String.valueOf(max))));
        return problem.isPresent();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    // ---- reading ----

    public Course getCourse() {
        return course;
    }

    public String getLabel() {
        return label;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public String getVenue() {
        return venue;
    }

    public String getRoom() {
        return room;
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getSeatsTaken() {
        return seatsTaken;
    }

    public Instant getEnrolmentOpensAt() {
        return enrolmentOpensAt;
    }

    public Instant getEnrolmentClosesAt() {
        return enrolmentClosesAt;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Long> getInstructors() {
        return Collections.unmodifiableSet(instructors);
    }

    public Set<String> getInvitations() {
        return Collections.unmodifiableSet(invitations);
    }

    public List<Session> getSessions() {
        return Collections.unmodifiableList(sessions);
    }
}
