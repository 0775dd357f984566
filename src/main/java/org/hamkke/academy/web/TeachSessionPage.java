package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.academy.CheckInCode;
import org.hamkke.academy.CheckInWindow;
import org.hamkke.academy.Mark;
import org.hamkke.academy.Teaching;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * One session's roll ({@code /teach/session.xhtml?id=ID}), for its cohort's instructors only (404
 * for anyone else): the confirmed learners with a button per mark, each saved at once by a plain
 * post (no script needed, a phone-width page of a few kilobytes) that comes back to the page with
 * a message naming the learner and the mark; and, while the session's check-in is open, its QR code and short code for the
 * learners to check themselves in.
 *
 * <p>Each mark button posts {@code person:MARK:version}, the version of the mark the page showed,
 * in the name of the form's one command button ({@code roll:save}), so the post reaches
 * {@link #save} however many buttons there are. A mark someone changed meanwhile is not
 * overwritten: the instructor is told what it is now and what they chose.
 */
@Named
@RequestScoped
public class TeachSessionPage {

    static final String BUTTON = "roll:save";

    @Inject
    Teaching teaching;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.portal.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    private Long sessionId;
    private Teaching.SessionView session;
    private List<Teaching.RollLine> roll = List.of();
    private Instant now;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        sessionId = RequestParams.id(params.get("id"));
        session = sessionId == null ? null : teaching.session(currentUser.getPersonId(), sessionId).orElse(null);
        if (session == null) {
            sessionId = null;
            NotFound.respond();
            return;
        }
        now = clock.instant();
        if (!FacesContext.getCurrentInstance().isPostback()) {
            roll = teaching.roll(currentUser.getPersonId(), sessionId);
        }
    }

    /** Saves the mark the pressed button names, then back to that learner's line. */
    public String save() {
        if (sessionId == null) {
            return null;
        }
        String pressed = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(BUTTON);
        String[] parts = pressed == null ? new String[0] : pressed.split(":");
        Long person = parts.length == 3 ? RequestParams.id(parts[0]) : null;
        Optional<Mark> mark = parts.length == 3 ? Mark.named(parts[1]) : Optional.empty();
        Long version = parts.length == 3 ? version(parts[2]) : null;
        if (person == null || mark.isEmpty() || version == null) {
            return back(null);
        }
        String name = teaching.roll(currentUser.getPersonId(), sessionId).stream()
                .filter(l -> l.personId() == person).map(Teaching.RollLine::name).findFirst().orElse("");
        try {
            teaching.mark(currentUser.actor(), sessionId, person, mark.get(), version);
            PageMessages.info("teach.mark.saved", name, markName(mark.get()));
        } catch (Refused refused) {
            if (refused.key().equals("teach.mark.changedMeanwhile")) {
                String now = refused.problems().getFirst().arg();
                PageMessages.error("teach.mark.changedMeanwhile", name,
                        now == null ? PageMessages.text("teach.mark.none") : markName(Mark.valueOf(now)), markName(mark.get()));
            } else {
                PageMessages.error(refused.key(), name);
            }
        } catch (Teaching.NotTeaching gone) {
            NotFound.respond();
            return null;
        }
        return back(person);
    }

    /** Back to this page with a fresh roll (post, redirect, get: a reload never repeats the mark); the message says whose mark. */
    private String back(Long person) {
        return "/teach/session?faces-redirect=true&id=" + sessionId;
    }

    private static Long version(String text) {
        if ("-1".equals(text)) {
            return -1L;
        }
        Long id = RequestParams.id(text);
        return id != null ? id : "0".equals(text) ? 0L : null;
    }

    private static String markName(Mark mark) {
        return PageMessages.text("teach.mark." + mark.name());
    }

    /** The value a mark button posts for this learner. */
    public String buttonValue(Teaching.RollLine line, Mark mark) {
        return line.personId() + ":" + mark.name() + ":" + line.version();
    }

    /** The marks offered now: excused at any time, the others once check-in has opened. */
    public List<Mark> getMarks() {
        return session == null ? List.of() : List.of(Mark.values()).stream().filter(m -> m.mayGiveAt(now, session.window())).toList();
    }

    public boolean isBeforeCheckIn() {
        return session != null && session.window().phaseAt(now) == CheckInWindow.Phase.NOT_YET;
    }

    public boolean isCheckInOpen() {
        return session != null && session.code() != null && session.window().phaseAt(now) == CheckInWindow.Phase.OPEN;
    }

    public boolean isEnded() {
        return session != null && session.window().phaseAt(now) == CheckInWindow.Phase.ENDED;
    }

    /** The address the QR code holds: the learner's check-in page with this session's code. */
    public String getCheckInUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/me/check-in.xhtml?code=" + session.code();
    }

    /** The check-in page's address as typed, without the code: "portal.example.org/me/check-in.xhtml". */
    public String getCheckInPlace() {
        return baseUrl.replaceFirst("^https?://", "").replaceFirst("/$", "") + "/me/check-in.xhtml";
    }

    public String getQr() {
        return CheckInQr.svg(getCheckInUrl(), PageMessages.format(PageMessages.text("teach.qr.label"), CheckInCode.spaced(session.code())));
    }

    public String getCode() {
        return CheckInCode.spaced(session.code());
    }

    public long getMarked() {
        return roll.stream().filter(l -> l.mark() != null).count();
    }

    public Teaching.SessionView getSession() {
        return session;
    }

    public List<Teaching.RollLine> getRoll() {
        return roll;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public boolean isFound() {
        return sessionId != null;
    }
}
