package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hamkke.academy.CourseForm;
import org.hamkke.academy.Courses;
import org.hamkke.academy.Level;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * The course editor ({@code /staff/course.xhtml?id=ID}, or without id for a new course): texts in
 * the five languages, the language taught, level, length, the default capacity, the completion
 * rule, prerequisites, active or archived. A refused save shows each problem next to its field and
 * keeps what was typed; a save over someone else's newer version is refused; a good one redirects.
 */
@Named
@ViewScoped
public class CourseEditor implements Serializable {

    @Inject
    Courses courses;

    @Inject
    CurrentUser currentUser;

    private CourseForm form;
    private List<Courses.Option> options = List.of();
    private final FieldErrors errors = new FieldErrors();

    @PostConstruct
    void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        Long id = RequestParams.id(asked);
        if (asked != null && id == null) {
            NotFound.respond();
            return;
        }
        form = id == null ? new CourseForm() : courses.form(id).orElse(null);
        if (form == null) {
            NotFound.respond();
            return;
        }
        options = courses.options().stream().filter(o -> form.getId() == null || o.id() != form.getId()).toList();
    }

    public String save() {
        errors.clear();
        boolean created = form.getId() == null;
        try {
            long id = courses.save(currentUser.actor(), form);
            PageMessages.info(created ? "courses.created" : "courses.saved", form.getTitle().get("en"));
            return "/staff/course?faces-redirect=true&id=" + id;
        } catch (Refused refused) {
            errors.show(refused);
            return null;
        }
    }

    public List<String> errors(String field) {
        return errors.of(field);
    }

    public CourseForm getForm() {
        return form;
    }

    public List<Courses.Option> getOptions() {
        return options;
    }

    public List<Level> getLevels() {
        return List.of(Level.values());
    }

    public List<Translation> getTranslations() {
        return FieldErrors.TRANSLATIONS;
    }
}
