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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.identity.web.Language;
import org.hamkke.intake.Applications.Question;
import org.hamkke.intake.Applications;
import org.hamkke.intake.Attachments;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The application form of one call ({@code /me/apply.xhtml?call=ID&step=N}), in four steps: who
 * applies, the members of a collective with their consent, the call's questions (files included),
 * and a review page that lists what is still missing before "Submit". Every step saves the draft;
 * the page's script also saves it a few seconds after typing stops and keeps a copy on the device
 * while the connection is lost. Fields of other steps are not posted, so they keep what the draft
 * holds.
 */
@Named
@RequestScoped
public class ApplyPage {

    private static final int MEMBER_ROWS = 6;
    static final int WHO = 1;
    static final int MEMBERS = 2;
    static final int QUESTIONS = 3;
    static final int REVIEW = 4;

    @Inject
    Attachments attachments;

    @Inject
    Language language;

    private int step = WHO;
    private Map<Long, Attachments.Attached> files = Map.of();
    private final Map<Long, Part> uploads = new HashMap<>();
    private final Map<Long, List<String>> picked = new HashMap<>();
    private List<String[]> problems = List.of();

    @Inject
    Applications applications;

    @Inject
    CurrentUser currentUser;

    private Long callId;
    private boolean open;
    private Applications.Mine existing;
    private List<Question> questions = List.of();
    private final Map<Long, String> answers = new LinkedHashMap<>();
    private final List<MemberRow> members = new ArrayList<>();
    private String kind = "INDIVIDUAL";
    private String name;
    private String legalForm;
    private String sector;
    private String region;

    /** One member line of a collective. */
    public static final class MemberRow {
        private String name;
        private String role;
        private String email;
        private boolean consent;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }
    }

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
        applications.form(person, callId).ifPresent(form -> {
            kind = form.kind();
            name = form.name();
            legalForm = form.legalForm();
            sector = form.sector();
            region = form.region();
            answers.putAll(form.answers());
            for (Applications.Member m : form.members()) {
                MemberRow row = new MemberRow();
                row.name = m.name();
                row.role = m.role();
                row.email = m.email();
                row.consent = m.consent();
                members.add(row);
            }
        });
        while (members.size() < MEMBER_ROWS) {
            members.add(new MemberRow());
        }
        for (Question q : questions) {
            if ("MULTI_CHOICE".equals(q.kind())) {
                String answer = answers.get(q.id());
                picked.put(q.id(), answer == null || answer.isBlank()
                        ? new ArrayList<>() : new ArrayList<>(List.of(answer.split(Applications.MULTI_SEPARATOR))));
            }
        }
        files = applications.find(person, callId).isPresent() ? attachments.ofApplicant(person, callId) : Map.of();
        if (step == REVIEW && isEditable()) {
            problems = applications.problems(person, callId);
        }
    }

    private Applications.Form form() {
        picked.forEach((question, values) -> answers.put(question, String.join(Applications.MULTI_SEPARATOR, values)));
        return new Applications.Form(kind, name, legalForm, sector, region,
                members.stream().map(m -> new Applications.Member(m.name, m.role, m.consent, m.email)).toList(), answers);
    }

    public String saveDraft() {
        return save(step);
    }

    /** Saves and goes on; an individual has no members to list, so skips that step. */
    public String next() {
        int to = step + 1;
        if (to == MEMBERS && !"COLLECTIVE".equals(kind)) {
            to = QUESTIONS;
        }
        return save(Math.min(to, REVIEW));
    }

    private String save(int then) {
        try {
            applications.saveDraft(currentUser.getPersonId(), callId, form());
        } catch (Applications.Refused refused) {
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
            applications.saveDraft(currentUser.getPersonId(), callId, form());
            external.setResponseStatus(200);
            text = PageMessages.text("apply.autosaved").replace("{0}", language.at(java.time.Instant.now()));
        } catch (Applications.Refused refused) {
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
            } catch (Applications.Refused refused) {
                show(refused);
                allTaken = false;
            } catch (IOException e) {
                show(new Applications.Refused(List.<String[]>of(new String[] {"q" + upload.getKey(), "apply.file.failed"})));
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
            String receipt = applications.submit(currentUser.getPersonId(), callId, form());
            PageMessages.info("apply.submitted", receipt);
            return "/me/applications?faces-redirect=true";
        } catch (Applications.Refused refused) {
            show(refused);
            problems = refused.problems();
            return null;
        }
    }

    /** Each problem next to its field (by the field's client id), or at the top of the page. */
    private void show(Applications.Refused refused) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (String[] problem : refused.problems()) {
            String text = text(problem);
            String clientId = problem[0] == null ? null : "apply:" + problem[0];
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        if (refused.problems().stream().anyMatch(p -> p[0] != null)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageMessages.text("apply.fixBelow"), null));
        }
    }

    /** A problem's message: its {0} is the problem's own limit when it names one, else the largest file in MB. */
    private String text(String[] problem) {
        String value = problem.length > 2 && problem[2] != null
                ? language.formatNumber(Long.parseLong(problem[2]))
                : language.formatNumber(attachments.maxBytes() / (1024 * 1024));
        return PageMessages.text(problem[1]).replace("{0}", value);
    }

    /** The longest answer a question takes, for the field's maxlength (the server holds the same limit). */
    public int limit(Question q) {
        return Applications.limit(q);
    }

    public int getStep() {
        return step;
    }

    /** The step where a problem's field is, for the review page's "fix it" links. */
    public int stepOf(String field) {
        if (field == null || "name".equals(field)) {
            return WHO;
        }
        return "members".equals(field) ? MEMBERS : QUESTIONS;
    }

    public List<String[]> getProblems() {
        return problems;
    }

    /** The label of the question a problem is about, or the step's name. */
    public String problemLabel(String field) {
        if (field != null && field.startsWith("q")) {
            long id = Long.parseLong(field.substring(1));
            return questions.stream().filter(q -> q.id() == id).map(q -> language.text(q.labelJson())).findFirst().orElse("");
        }
        return PageMessages.text(stepOf(field) == MEMBERS ? "apply.members" : "apply.name");
    }

    public Map<Long, Attachments.Attached> getFiles() {
        return files;
    }

    public Map<Long, Part> getUploads() {
        return uploads;
    }

    public Map<Long, List<String>> getPicked() {
        return picked;
    }

    /** The chosen option's label in the reader's language (review page). */
    public String choiceLabel(Question q, String value) {
        return q.choices().stream().filter(c -> c.value().equals(value)).map(c -> language.text(c.labelJson()))
                .findFirst().orElse(value);
    }

    public long getMaxBytes() {
        return attachments.maxBytes();
    }

    public String getMaxSize() {
        return language.formatNumber(attachments.maxBytes() / (1024 * 1024));
    }

    /** When the server last saved the draft, in epoch milliseconds (0 for none): the device copy is newer or not. */
    public long getSavedAt() {
        return existing == null || existing.updatedAt() == null ? 0 : existing.updatedAt().toEpochMilli();
    }

    public boolean isEditable() {
        return open && (existing == null || existing.isDraft());
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

    public Map<Long, String> getAnswers() {
        return answers;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = "COLLECTIVE".equals(kind) ? "COLLECTIVE" : "INDIVIDUAL";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(String legalForm) {
        this.legalForm = legalForm;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
