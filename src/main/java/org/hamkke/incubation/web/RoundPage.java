package org.hamkke.incubation.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.incubation.Matching;
import org.hamkke.incubation.matching.Pair;
import org.hamkke.incubation.matching.Weights;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * Matching a whole round ({@code /staff/matching.xhtml?call=ID}): the programme's weights, edited
 * by staff; the proposal for every venture of the programme still without a mentor (an optimal
 * assignment under every mentor's places left, {@code &propose=1}), each pair with its reasons
 * and each venture left out with why; and, once reviewed, one button that sends the offers
 * ({@link RoundSendServlet}).
 */
@Named
@RequestScoped
public class RoundPage {

    @Inject
    Matching matching;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String zone;

    private Long callId;
    private Matching.Programme programme;
    private Matching.Round round;
    private Integer language;
    private Integer needs;
    private Integer region;
    private Integer capacity;
    private LocalDate startsOn;
    private LocalDate endsOn;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        callId = RequestParams.id(params.get("call"));
        programme = callId == null ? null : matching.programmes().stream().filter(p -> p.id() == callId).findFirst().orElse(null);
        if (programme == null) {
            NotFound.respond();
            return;
        }
        Weights weights = matching.weights(callId);
        language = weights.language();
        needs = weights.needs();
        region = weights.region();
        capacity = weights.capacity();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(zone)));
        startsOn = today;
        endsOn = today.plusMonths(6);
        if ("1".equals(params.get("propose")) && !FacesContext.getCurrentInstance().isPostback()) {
            round = matching.proposeRound(callId);
        }
    }

    public String saveWeights() {
        Weights weights;
        try {
            weights = new Weights(value(language), value(needs), value(region), value(capacity));
        } catch (IllegalArgumentException outOfRange) {
            PageMessages.error("round.weightRange", String.valueOf(Weights.MAX_WEIGHT));
            return null;
        }
        matching.saveWeights(currentUser.actor(), callId, weights);
        PageMessages.info("round.weightsSaved");
        return "/staff/matching?faces-redirect=true&propose=1&call=" + callId;
    }

    private static int value(Integer weight) {
        if (weight == null) {
            throw new IllegalArgumentException("missing");
        }
        return weight;
    }

    /** The proposal's pairs as the send form carries them: "venture:mentor:score,...". */
    public String getProposedPairs() {
        if (round == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Pair p : round.proposal().pairs()) {
            text.append(text.isEmpty() ? "" : ",").append(p.ventureId()).append(':').append(p.mentorId()).append(':').append(p.score().total());
        }
        return text.toString();
    }

    public Matching.Programme getProgramme() {
        return programme;
    }

    public Matching.Round getRound() {
        return round;
    }

    public Long getCallId() {
        return callId;
    }

    public Integer getLanguage() {
        return language;
    }

    public void setLanguage(Integer language) {
        this.language = language;
    }

    public Integer getNeeds() {
        return needs;
    }

    public void setNeeds(Integer needs) {
        this.needs = needs;
    }

    public Integer getRegion() {
        return region;
    }

    public void setRegion(Integer region) {
        this.region = region;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }
}
