package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.EnrolmentStatus;
import org.hamkke.academy.Rosters;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A cohort's roster ({@code /staff/roster.xhtml?cohort=ID}): a lazy PrimeFaces table that sorts,
 * filters and pages in the database ({@link RosterModel}); approving or declining a request and
 * cancelling an enrolment, each asked for by a link ({@code &approve=}, {@code &refuse=},
 * {@code &cancel=}) that shows the enrolment with a confirm button (and the reason, for a refusal
 * or a cancellation), so every action also works without JavaScript and never acts on a row that
 * changed meanwhile; enrolling people in bulk (people found by name, and pasted addresses), with
 * who got a seat and who went to the waitlist; and the CSV export.
 */
@Named
@ViewScoped
public class RosterPage implements Serializable {

    static final int CANDIDATES = 30;

    @Inject
    Rosters rosters;

    @Inject
    CurrentUser currentUser;

    /** The action a link asked to confirm. */
    public enum Action {
        APPROVE,
        REFUSE,
        CANCEL
    }

    private Long cohortId;
    private Rosters.Summary summary;
    private RosterModel model;
    private Action action;
    private Rosters.Row pending;
    private String reason;
    private String find;
    private List<Rosters.Candidate> candidates = List.of();
    private List<Long> picked = new ArrayList<>();
    private String emails;
    private Rosters.Bulk bulk;
    private Integer qualifying;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        cohortId = RequestParams.id(params.get("cohort"));
        summary = cohortId == null ? null : rosters.summary(cohortId).orElse(null);
        if (summary == null) {
            cohortId = null;
            NotFound.respond();
            return;
        }
        model = new RosterModel(cohortId);
        for (Action asked : Action.values()) {
            Long id = RequestParams.id(params.get(asked.name().toLowerCase()));
            if (id != null) {
                pending = rosters.find(cohortId, id).orElse(null);
                action = pending == null ? null : asked;
                break;
            }
        }
        find = params.get("find") == null ? null : params.get("find").strip();
        if (find != null && !find.isEmpty() && find.length() <= 100) {
            candidates = rosters.candidates(find, CANDIDATES);
        }
    }

    /** Whether the enrolment shown may still take the action asked (the page offers only those). */
    public boolean isPendingActionable() {
        if (pending == null) {
            return false;
        }
        return switch (action) {
            case APPROVE, REFUSE -> pending.status() == EnrolmentStatus.REQUESTED;
            case CANCEL -> pending.status().isActive() && pending.status() != EnrolmentStatus.COMPLETED;
        };
    }

    public String confirm() {
        if (pending == null || action == null) {
            return null;
        }
        try {
            switch (action) {
                case APPROVE -> rosters.approve(currentUser.actor(), cohortId, pending.enrolmentId(), pending.version());
                case REFUSE -> rosters.refuse(currentUser.actor(), cohortId, pending.enrolmentId(), pending.version(), reason);
                case CANCEL -> rosters.cancel(currentUser.actor(), cohortId, pending.enrolmentId(), pending.version(), reason);
            }
            PageMessages.info("roster.done." + action.name(), pending.name());
        } catch (Refused refused) {
            if (refused.problems().getFirst().key().startsWith("academy.cancel") || refused.key().startsWith("text.")) {
                // Nothing stored: the reason is asked again, with what was typed.
                FieldErrors.global(FieldErrors.text(refused.problems().getFirst()));
                return null;
            }
            PageMessages.error(refused.key(), refused.problems().getFirst().arg());
        } catch (EnrolmentStatus.IllegalMoveException | IllegalArgumentException meanwhile) {
            PageMessages.error("academy.changedMeanwhile");
        }
        return "/staff/roster?faces-redirect=true&cohort=" + cohortId;
    }

    /** Completes the cohort's confirmed learners who meet the course's rule now (as the job will once the cohort is over). */
    public String completeNow() {
        if (cohortId == null) {
            return null;
        }
        int done = rosters.completeNow(currentUser.actor(), cohortId);
        if (done == 0) {
            PageMessages.info("teach.complete.none");
        } else {
            PageMessages.info("teach.complete.done", String.valueOf(done));
        }
        return "/staff/roster?faces-redirect=true&cohort=" + cohortId;
    }

    /** How many confirmed learners "complete now" would complete. */
    public int getQualifying() {
        if (qualifying == null) {
            qualifying = summary == null ? 0 : rosters.qualifying(summary.courseId(), cohortId);
        }
        return qualifying;
    }

    public String enrolAll() {
        bulk = rosters.enrol(currentUser.actor(), cohortId, picked, emails);
        summary = rosters.summary(cohortId).orElse(summary);
        picked = new ArrayList<>();
        emails = null;
        return null;
    }

    /** The whole roster as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the names right). */
    public void export() throws java.io.IOException {
        StringBuilder csv = new StringBuilder("\uFEFFname,email,status,position,requested_at,offer_expires_at,ended_reason,ended_note\r\n");
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
        for (Rosters.Row row : rosters.export(currentUser.actor(), cohortId)) {
            csv.append(cell(row.name())).append(',').append(cell(row.email())).append(',').append(row.status()).append(',')
                    .append(row.position() == 0 ? "" : row.position()).append(',').append(iso.format(row.requestedAt())).append(',')
                    .append(row.offerExpiresAt() == null ? "" : iso.format(row.offerExpiresAt())).append(',')
                    .append(row.endedReason() == null ? "" : row.endedReason()).append(',').append(cell(row.endedNote())).append("\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        FacesContext faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"roster-" + cohortId + ".csv\"");
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /**
     * One CSV cell: quoted when it must be, and a text a spreadsheet would take for a formula
     * ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return) kept as text with a leading apostrophe.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quoted = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quoted ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    public Rosters.Summary getSummary() {
        return summary;
    }

    public RosterModel getModel() {
        return model;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public Action getAction() {
        return action;
    }

    public Rosters.Row getPending() {
        return pending;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getFind() {
        return find;
    }

    public List<Rosters.Candidate> getCandidates() {
        return candidates;
    }

    public List<Long> getPicked() {
        return picked;
    }

    public void setPicked(List<Long> picked) {
        this.picked = picked == null ? new ArrayList<>() : new ArrayList<>(picked);
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }

    public Rosters.Bulk getBulk() {
        return bulk;
    }

    /** Names as one line, for the bulk enrolment's report. */
    public String join(List<String> names) {
        return String.join(", ", names);
    }

    public List<EnrolmentStatus> getStatuses() {
        return List.of(EnrolmentStatus.values());
    }
}
