package org.hamkke.academy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A cohort as the editor holds it while staff type: dates and times as typed (days and wall-clock
 * times in the cohort's own zone), numbers as typed, the instructors chosen, the invitation list as
 * pasted. {@link Cohort#problems} checks it; {@link Cohort#revise} applies it.
 */
public class CohortForm implements Serializable {

    private Long id;
    private long version;
    private Long courseId;
    private String label;
    private String timeZone = "UTC";
    /** yyyy-MM-dd, in the cohort's zone. */
    private String startsOn;
    private String endsOn;
    private String delivery = Delivery.IN_PERSON.name();
    private String venue;
    private String room;
    private String meetingLink;
    private String capacity;
    /** yyyy-MM-ddTHH:mm, in the cohort's zone. */
    private String enrolmentOpensAt;
    private String enrolmentClosesAt;
    private boolean approvalRequired;
    private boolean invitedOnly;
    private List<Long> instructors = new ArrayList<>();
    /** E-mail addresses, one a line (commas and spaces also separate them). */
    private String invitations = "";

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

    public Long getCourseId() {
        return courseId;
    }

    public void setCourseId(Long courseId) {
        this.courseId = courseId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public void setMeetingLink(String meetingLink) {
        this.meetingLink = meetingLink;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    public String getEnrolmentOpensAt() {
        return enrolmentOpensAt;
    }

    public void setEnrolmentOpensAt(String enrolmentOpensAt) {
        this.enrolmentOpensAt = enrolmentOpensAt;
    }

    public String getEnrolmentClosesAt() {
        return enrolmentClosesAt;
    }

    public void setEnrolmentClosesAt(String enrolmentClosesAt) {
        this.enrolmentClosesAt = enrolmentClosesAt;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public boolean isInvitedOnly() {
        return invitedOnly;
    }

    public void setInvitedOnly(boolean invitedOnly) {
        this.invitedOnly = invitedOnly;
    }

    public List<Long> getInstructors() {
        return instructors;
    }

    public void setInstructors(List<Long> instructors) {
        this.instructors = instructors == null ? new ArrayList<>() : new ArrayList<>(instructors);
    }

    public String getInvitations() {
        return invitations;
    }

    public void setInvitations(String invitations) {
        this.invitations = invitations;
    }
}
