package org.hamkke.intake.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamkke.intake.Applications;

/**
 * What the applying form holds while a person fills it in: who applies, the members of a
 * collective (six lines to fill), the answers by question id, the options ticked on multiple-choice
 * questions; and its conversion to and from the service's {@link Applications.Form}. Fields of steps
 * not posted keep what the draft holds, because the form is filled from the draft first.
 */
public final class ApplyForm {

    static final int MEMBER_ROWS = 6;

    private String kind = "INDIVIDUAL";
    private String name;
    private String legalForm;
    private String sector;
    private String region;
    private final List<MemberRow> members = new ArrayList<>();
    private final Map<Long, String> answers = new LinkedHashMap<>();
    private final Map<Long, List<String>> picked = new HashMap<>();

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

    /**
     * The form as the draft left it (empty without one), with a line for each member to add and the
     * ticked options of each multiple-choice question.
     */
    static ApplyForm of(Applications.Form draft, List<Applications.Question> questions) {
        ApplyForm form = new ApplyForm();
        if (draft != null) {
            form.kind = draft.kind();
            form.name = draft.name();
            form.legalForm = draft.legalForm();
            form.sector = draft.sector();
            form.region = draft.region();
            form.answers.putAll(draft.answers());
            for (Applications.Member m : draft.members()) {
                MemberRow row = new MemberRow();
                row.name = m.name();
                row.role = m.role();
                row.email = m.email();
                row.consent = m.consent();
                form.members.add(row);
            }
        }
        while (form.members.size() < MEMBER_ROWS) {
            form.members.add(new MemberRow());
        }
        for (Applications.Question q : questions) {
            if ("MULTI_CHOICE".equals(q.kind())) {
                String answer = form.answers.get(q.id());
                form.picked.put(q.id(), answer == null || answer.isBlank()
                        ? new ArrayList<>() : new ArrayList<>(List.of(answer.split(Applications.MULTI_SEPARATOR))));
            }
        }
        return form;
    }

    /** What the service stores: the ticked options back in their answers, one value per line. */
    Applications.Form toForm() {
        picked.forEach((question, values) -> answers.put(question, String.join(Applications.MULTI_SEPARATOR, values)));
        return new Applications.Form(kind, name, legalForm, sector, region,
                members.stream().map(m -> new Applications.Member(m.name, m.role, m.consent, m.email)).toList(), answers);
    }

    public boolean isCollective() {
        return "COLLECTIVE".equals(kind);
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

    public List<MemberRow> getMembers() {
        return members;
    }

    public Map<Long, String> getAnswers() {
        return answers;
    }

    public Map<Long, List<String>> getPicked() {
        return picked;
    }
}
