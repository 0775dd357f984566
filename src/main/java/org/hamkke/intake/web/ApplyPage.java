package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.Applications;
import org.hamkke.intake.Applications.Question;
import org.hamkke.shared.web.PageMessages;

/**
 * The application form of one call ({@code /me/apply.xhtml?call=ID}): as an individual or a
 * collective with its members' consent, the call's questions, "Save draft" and "Submit". A draft
 * comes back as it was left; a refused submission keeps everything typed and says, next to each
 * field, what is missing.
 */
@Named
@RequestScoped
public class ApplyPage {

    private static final int MEMBER_ROWS = 6;

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

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }
    }

    @PostConstruct
    void load() {
        callId = org.hamkke.shared.web.RequestParams.id(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("call"));
        if (callId == null) {
            return;
        }
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
                row.consent = m.consent();
                members.add(row);
            }
        });
        while (members.size() < MEMBER_ROWS) {
            members.add(new MemberRow());
        }
    }

    private Applications.Form form() {
        return new Applications.Form(kind, name, legalForm, sector, region,
                members.stream().map(m -> new Applications.Member(m.name, m.role, m.consent)).toList(), answers);
    }

    public String saveDraft() {
        try {
            applications.saveDraft(currentUser.getPersonId(), callId, form());
            PageMessages.info("apply.draftSaved", null);
            return "/me/apply?faces-redirect=true&call=" + callId;
        } catch (Applications.Refused refused) {
            show(refused);
            return null;
        }
    }

    public String submit() {
        try {
            String receipt = applications.submit(currentUser.getPersonId(), callId, form());
            PageMessages.info("apply.submitted", receipt);
            return "/me/applications?faces-redirect=true";
        } catch (Applications.Refused refused) {
            show(refused);
            return null;
        }
    }

    /** Each problem next to its field (by the field's client id), or at the top of the page. */
    private void show(Applications.Refused refused) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (String[] problem : refused.problems()) {
            String text = PageMessages.text(problem[1]);
            String clientId = problem[0] == null ? null : "apply:" + problem[0];
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        if (refused.problems().stream().anyMatch(p -> p[0] != null)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageMessages.text("apply.fixBelow"), null));
        }
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
