package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.Completions;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Application;
import org.hamkke.intake.Applications;
import org.hamkke.intake.Applications.Question;
import org.hamkke.intake.Attachments;
import org.hamkke.intake.Problem;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The application form of one call ({@code /me/apply.xhtml?call=ID&step=N}), in four steps: who
 * applies, the members of a collective with their consent, the call's questions (files included),
 * and a review page that lists what is still missing before "Submit". Every step saves the draft;
 * the page's script also saves it a few seconds after typing stops and keeps a copy on the device
 * while the connection is lost. What is typed lives in an {@link ApplyForm}; the page binds its
 * fields through the getters at the end.
 */
@Named
@RequestScoped
public class ApplyPage {

    static final int WHO = 1;
    static final int MEMBERS = 2;
    static final int QUESTIONS = 3;
    static final int REVIEW = 4;
    /** The field of the problem "the call requires a course you have not completed" (Application#problems). */
    private static final String COURSE = "course";

    @Inject
    Applications applications;

    @Inject
    Attachments attachments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    Completions completions;

    private Long callId;
    private int step = WHO;
    private boolean open;
    private Applications.Mine existing;
    private List<Question> questions = List.of();
    private ApplyForm form = new ApplyForm();
    private Map<Long, Attachments.Attached> files = Map.of();
    private final Map<Long, Part> uploads = new HashMap<>();
    private List<Problem> problems = List.of();
    /** The academy's course this call requires applicants to have completed, and whether this applicant has. */
    private Completions.CourseRef requiredCourse;
    private boolean courseCompleted;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        callId = RequestParams.id(params.get("call"));
        if (callId == null || !applications.callExists(callId)) {
            // No such call (or no number at all): the same 404 as any object that is not there.
            callId = null;
            NotFound.respond();
            return;
        }
        Long asked = RequestParams.id(params.get("step"));
        step = asked == null || asked > REVIEW ? WHO : asked.intValue();
        long person = currentUser.getPersonId();
        open = applications.isOpen(callId);
        questions = applications.questions(callId);
        existing = applications.find(person, callId).orElse(null);
        form = ApplyForm.of(applications.form(person, callId).orElse(null), questions);
        files = existing != null ? attachments.ofApplicant(person, callId) : Map.of();
        requiredCourse = applications.requiredCourse(callId).flatMap(completions::course).orElse(null);
        courseCompleted = requiredCourse != null && completions.hasCompleted(person, requiredCourse.id());
        if (step == REVIEW && isEditable()) {
            problems = applications.problems(person, callId);
        }
    }

    public String saveDraft() {
        return save(step);
    }

    /** Saves and goes on; an individual has no members to list, so skips that step. */
    public String next() {
        int to = step + 1;
        if (to == MEMBERS && !form.isCollective()) {
            to = QUESTIONS;
        }
        return save(Math.min(to, REVIEW));
    }

    private String save(int then) {
        try {
            applications.saveDraft(currentUser.getPersonId(), callId, form.toForm());
        } catch (Application.Refused refused) {
            show(refused);
            return null;
        }
        if (!receiveUploads()) {
            return null;
        }
        if (then == step) {
            PageMessages.info("apply.draftSaved", null);
        }
        return "/me/apply?faces-redirect=true&call=" + callId + "&step=" + then;
    }

    /**
     * The page's script posts the form here a few seconds after typing stops (files left out). It
     * answers a short line of text for the page to show, not a page: 200 when saved, 409 when not.
     */
    public void autosave() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String text;
        try {
            applications.saveDraft(currentUser.getPersonId(), callId, form.toForm());
            external.setResponseStatus(200);
            text = PageMessages.text("apply.autosaved").replace("{0}", language.at(java.time.Instant.now()));
        } catch (Application.Refused refused) {
            external.setResponseStatus(409);
            text = text(refused.problems().getFirst());
        }
        external.setResponseContentType("text/plain;charset=UTF-8");
        external.setResponseHeader("Cache-Control", "no-store");
        external.getResponseOutputWriter().write(text);
        faces.responseComplete();
    }

    /** Stores each chosen file; false, with the reasons next to the fields, when one was refused. */
    private boolean receiveUploads() {
        boolean allTaken = true;
        for (Map.Entry<Long, Part> upload : uploads.entrySet()) {
            Part part = upload.getValue();
            if (part == null || part.getSize() == 0 || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
                continue;
            }
            try (var content = part.getInputStream()) {
                attachments.attach(currentUser.getPersonId(), callId, upload.getKey(), part.getSubmittedFileName(), content);
            } catch (Application.Refused refused) {
                show(refused);
                allTaken = false;
            } catch (IOException e) {
                show(new Application.Refused("q" + upload.getKey(), "apply.file.failed"));
                allTaken = false;
            } finally {
                try {
                    part.delete();
                } catch (IOException ignored) {
                    // The container removes its own temporary file at the end of the request anyway.
                }
            }
        }
        if (!allTaken) {
            files = attachments.ofApplicant(currentUser.getPersonId(), callId);
        }
        return allTaken;
    }

    public String submit() {
        try {
            String receipt = applications.submit(currentUser.getPersonId(), callId, form.toForm());
            PageMessages.info("apply.submitted", receipt);
            return "/me/applications?faces-redirect=true";
        } catch (Application.Refused refused) {
            show(refused);
            problems = refused.problems();
            return null;
        }
    }

    /** Each problem next to its field (by the field's client id), or at the top of the page. */
    private void show(Application.Refused refused) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Problem problem : refused.problems()) {
            // The required course is no field of the form: its message goes to the top, and the review's list links the course.
            String clientId = problem.field() == null || COURSE.equals(problem.field()) ? null : "apply:" + problem.field();
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(problem), null));
        }
        if (refused.problems().stream().anyMatch(p -> p.field() != null && !COURSE.equals(p.field()))) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageMessages.text("apply.fixBelow"), null));
        }
    }

    /** A problem's message in the reader's language, as the review's list shows it. */
    public String message(Problem problem) {
        return text(problem);
    }

    /**
     * A problem's message: the required course's title for the course, else its {0} is the problem's
     * own limit when it names one, else the largest file in MB.
     */
    private String text(Problem problem) {
        if (COURSE.equals(problem.field())) {
            return PageMessages.format(PageMessages.text(problem.key()), getRequiredCourseTitle());
        }
        String value = problem.arg() != null ? language.formatNumber(Long.parseLong(problem.arg())) : getMaxSize();
        return PageMessages.text(problem.key()).replace("{0}", value);
    }

    /** Where a problem is fixed: its step of this form, or for the required course its cohorts in the academy's catalog. */
    public String problemLink(String field) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        if (COURSE.equals(field) && requiredCourse != null) {
            return context + "/academy/catalog.xhtml?course=" + requiredCourse.id();
        }
        return context + "/me/apply.xhtml?call=" + callId + "&step=" + stepOf(field);
    }

    /** The step where a problem's field is, for the review page's "fix it" links. */
    public int stepOf(String field) {
        if (field == null || "name".equals(field)) {
            return WHO;
        }
        return "members".equals(field) ? MEMBERS : QUESTIONS;
    }

    /** The label of the question a problem is about, or the step's name. */
    public String problemLabel(String field) {
        if (COURSE.equals(field)) {
            return getRequiredCourseTitle();
        }
        if (field != null && field.startsWith("q")) {
            long id = Long.parseLong(field.substring(1));
            return questions.stream().filter(q -> q.id() == id).map(q -> language.text(q.labelJson())).findFirst().orElse("");
        }
        return PageMessages.text(stepOf(field) == MEMBERS ? "apply.members" : "apply.name");
    }

    /** The chosen option's label in the reader's language (review page). */
    public String choiceLabel(Question q, String value) {
        return q.choices().stream().filter(c -> c.value().equals(value)).map(c -> language.text(c.labelJson()))
                .findFirst().orElse(value);
    }

    /** The longest answer a question takes, for the field's maxlength (the server holds the same limit). */
    public int limit(Question q) {
        return q.limit();
    }

    public Completions.CourseRef getRequiredCourse() {
        return requiredCourse;
    }

    public String getRequiredCourseTitle() {
        return requiredCourse == null ? "" : language.text(requiredCourse.titleJson());
    }

    public boolean isCourseCompleted() {
        return courseCompleted;
    }

    public boolean isEditable() {
        return open && (existing == null || existing.isDraft());
    }

    /** When the server last saved the draft, in epoch milliseconds (0 for none): the device copy is newer or not. */
    public long getSavedAt() {
        return existing == null || existing.updatedAt() == null ? 0 : existing.updatedAt().toEpochMilli();
    }

    public long getMaxBytes() {
        return attachments.maxBytes();
    }

    public String getMaxSize() {
        return language.formatNumber(attachments.maxBytes() / (1024 * 1024));
    }

    public int getStep() {
        return step;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public Map<Long, Attachments.Attached> getFiles() {
        return files;
    }

    public Map<Long, Part> getUploads() {
        return uploads;
    }

    public Long getCallId() {
        return callId;
    }

    public boolean isOpen() {
        return open;
    }

    public Applications.Mine getExisting() {
        return existing;
    }

    public List<Question> getQuestions() {
        return questions;
    }

    // The form's fields, bound by the page as before (#{applyPage.name}, #{applyPage.members}...).

    public ApplyForm getForm() {
        return form;
    }

    public String getKind() {
        return form.getKind();
    }

    public void setKind(String kind) {
        form.setKind(kind);
    }

    public String getName() {
        return form.getName();
    }

    public void setName(String name) {
        form.setName(name);
    }

    public String getLegalForm() {
        return form.getLegalForm();
    }

    public void setLegalForm(String legalForm) {
        form.setLegalForm(legalForm);
    }

    public String getSector() {
        return form.getSector();
    }

    public void setSector(String sector) {
        form.setSector(sector);
    }

    public String getRegion() {
        return form.getRegion();
    }

    public void setRegion(String region) {
        form.setRegion(region);
    }

    public List<ApplyForm.MemberRow> getMembers() {
        return form.getMembers();
    }

    public Map<Long, String> getAnswers() {
        return form.getAnswers();
    }

    public Map<Long, List<String>> getPicked() {
        return form.getPicked();
    }
}
