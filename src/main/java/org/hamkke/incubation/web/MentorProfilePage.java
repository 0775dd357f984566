package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.MentorProfile;
import org.hamkke.incubation.Mentors;
import org.hamkke.incubation.matching.Mode;
import org.hamkke.shared.Tags;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.ProblemMessages;

/**
 * A mentor's own profile ({@code /mentor/profile.xhtml}): what matching weighs. Tags are typed as
 * comma-separated words; a refused save keeps everything typed; a profile changed in another tab
 * meanwhile is refused, never overwritten.
 */
@Named
@ViewScoped
public class MentorProfilePage implements Serializable {

    @Inject
    Mentors mentors;

    @Inject
    CurrentUser currentUser;

    private String expertise;
    private String languages;
    private String region;
    private Mode mode = Mode.BOTH;
    private Integer cap = 3;
    private boolean available = true;
    private String about;
    private long version = -1;
    private int placesTaken;

    @PostConstruct
    void load() {
        mentors.profile(currentUser.getPersonId()).ifPresent(this::show);
    }

    private void show(MentorProfile p) {
        expertise = Tags.join(p.getExpertise());
        languages = Tags.join(p.getLanguages());
        region = p.getRegion();
        mode = p.getMode();
        cap = p.getCap();
        available = p.isAvailable();
        about = p.getAbout();
        version = p.getVersion();
        placesTaken = p.getPlacesTaken();
    }

    public String save() {
        try {
            mentors.save(currentUser.getPersonId(), new MentorProfile.Form(Tags.parse(expertise), Tags.parse(languages), region, mode, cap,
                    available, about), version);
        } catch (Refused refused) {
            ProblemMessages.showAll(refused);
            return null;
        } catch (jakarta.persistence.OptimisticLockException meanwhile) {
            PageMessages.error("incubation.profile.changedMeanwhile");
            return null;
        }
        PageMessages.info("mentorProfile.saved");
        return "/mentor/profile?faces-redirect=true";
    }

    public List<Mode> getModes() {
        return List.of(Mode.values());
    }

    public boolean isNew() {
        return version < 0;
    }

    public int getPlacesTaken() {
        return placesTaken;
    }

    public String getExpertise() {
        return expertise;
    }

    public void setExpertise(String expertise) {
        this.expertise = expertise;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Integer getCap() {
        return cap;
    }

    public void setCap(Integer cap) {
        this.cap = cap;
    }

    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public String getAbout() {
        return about;
    }

    public void setAbout(String about) {
        this.about = about;
    }
}
