package org.hamkke.intake.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamkke.academy.Completions;
import org.hamkke.identity.Languages;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.intake.CallForm;
import org.hamkke.intake.Problem;
import org.hamkke.intake.Calls;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The call editor ({@code /staff/call.xhtml?id=ID}, or without id for a new call). View scoped:
 * adding, removing and moving questions are posts of the whole form (they work with JavaScript
 * off), and the form being built lives with the page until it is saved. A refused save shows each
 * problem next to its field and keeps everything typed; a successful one redirects.
 */
@Named
@ViewScoped
public class CallPage implements Serializable {

    /** Zones of the incubator's partners, offered first; any IANA zone may be typed. */
    private static final List<String> COMMON_ZONES = List.of("Asia/Seoul", "Asia/Kolkata", "Asia/Manila", "Asia/Bangkok",
            "Asia/Phnom_Penh", "Asia/Jakarta", "Asia/Karachi", "Asia/Dhaka", "Asia/Beirut", "Africa/Dakar", "Africa/Cairo",
            "Europe/Paris", "UTC");

    @Inject
    Calls calls;

    @Inject
    CurrentUser currentUser;

    @Inject
    Completions completions;

    /** The courses a call may require: the active ones, and the one it requires now even if archived since. */
    private List<Completions.CourseRef> courses;

    private CallForm form;
    private final Map<String, List<String>> errors = new HashMap<>();

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        Long id = RequestParams.id(asked);
        if (asked != null && id == null) {
            // "?id=abc", "?id=-1", "?id=": no such call, as for a number that names none.
            NotFound.respond();
            return;
        }
        if (id == null) {
            form = new CallForm();
            // Looked up, not injected: a view-scoped bean may only hold what can be serialised with the session.
            form.setTimeZone(ConfigProvider.getConfig().getOptionalValue("hamkke.time-zone", String.class).orElse("UTC"));
            return;
        }
        form = calls.form(id).orElse(null);
        if (form == null) {
            NotFound.respond();
        }
    }


    public String save() {
        errors.clear();
        boolean created = form.getId() == null;
        try {
            long id = calls.save(currentUser.actor(), form);
            PageMessages.info(created ? "calls.created" : "calls.saved", form.getTitle().get("en"));
            return "/staff/call?faces-redirect=true&id=" + id;
        } catch (Calls.Refused refused) {
            for (Problem problem : refused.problems()) {
                String text = PageMessages.text(problem.key()).replace("{0}", problem.arg() == null ? "" : problem.arg());
                if (problem.field() == null) {
                    global(text);
                } else {
                    errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(text);
                }
            }
            global(PageMessages.text("calls.fixBelow"));
        } catch (Calls.ChangedMeanwhile e) {
            global(PageMessages.text("calls.changedMeanwhile"));
        }
        return null;
    }

    private static void global(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    // Rows shift when one is added, removed or moved: problems shown by row number would then point at the wrong row.

    public void addQuestion() {
        errors.clear();
        form.addQuestion();
    }

    public void removeQuestion(CallForm.Question question) {
        errors.clear();
        form.remove(question);
    }

    public void keepQuestion(CallForm.Question question) {
        errors.clear();
        form.keep(question);
    }

    public void moveUp(CallForm.Question question) {
        errors.clear();
        form.moveUp(question);
    }

    public void moveDown(CallForm.Question question) {
        errors.clear();
        form.moveDown(question);
    }

    public void addCriterion() {
        errors.clear();
        form.addCriterion();
    }

    public void removeCriterion(CallForm.Criterion criterion) {
        errors.clear();
        form.remove(criterion);
    }

    public void useDefaultRubric() {
        errors.clear();
        form.useDefaultRubric();
    }

    /** The problems of one field ("title", "opensAt"), in the reader's language. */
    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** The problems of one field of a question ("q") or criterion ("r") row. */
    public List<String> rowErrors(String row, int index, String field) {
        return errors(row + index + "." + field);
    }

    public CallForm getForm() {
        return form;
    }

    public List<Completions.CourseRef> getCourses() {
        if (courses == null) {
            List<Completions.CourseRef> offered = new ArrayList<>(completions.activeCourses());
            Long required = form == null ? null : form.getRequiredCourseId();
            if (required != null && offered.stream().noneMatch(c -> c.id() == required)) {
                completions.course(required).ifPresent(offered::add);
            }
            courses = offered;
        }
        return courses;
    }

    public List<String> getKinds() {
        return CallForm.KINDS;
    }

    public List<String> getZones() {
        return COMMON_ZONES;
    }

    /** The languages after English, for the translation inputs. */
    public List<LanguageChoice> getTranslations() {
        return Languages.SUPPORTED.stream().filter(l -> !l.equals(Languages.DEFAULT))
                .map(l -> new LanguageChoice(l, Languages.nativeName(l), Languages.isRightToLeft(l) ? "rtl" : "ltr")).toList();
    }

    public record LanguageChoice(String code, String name, String dir) implements Serializable {}
}
