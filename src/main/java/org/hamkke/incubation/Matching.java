package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.incubation.matching.Exclusion;
import org.hamkke.incubation.matching.MatchScore;
import org.hamkke.incubation.matching.MentorCandidate;
import org.hamkke.incubation.matching.Proposal;
import org.hamkke.incubation.matching.Ranked;
import org.hamkke.incubation.matching.Ranking;
import org.hamkke.incubation.matching.RoundMatcher;
import org.hamkke.incubation.matching.VentureNeeds;
import org.hamkke.incubation.matching.Weights;
import org.hamkke.shared.audit.Actor;
import org.hamkke.shared.audit.AuditLog;
import org.hamkke.shared.db.Rows;

/**
 * Staff's side of matching: a venture as matching sees it, its mentors ranked by the programme's
 * weights with each score's reasons, the mentors not offered and why, the ventures of a programme
 * still without a mentor, and a whole round proposed at once ({@link RoundMatcher}). Reads only:
 * offers are made by {@link Assignments}, after staff reviewed what is proposed here.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Matching {

    @Inject
    EntityManager em;

    @Inject
    Mentors mentors;

    @Inject
    AuditLog audit;

    /** A venture on staff's pages: what matching reads of it, and the programme (call) it came from. */
    public record VentureCard(long id, String name, String legalForm, String sector, long callId, String callTitleJson,
            Venture.Needs needs, long version) {

        VentureNeeds asNeeds() {
            return new VentureNeeds(id, name, needs.needs(), needs.languages(), needs.region(), needs.wantsInPerson());
        }
    }

    /** A mentor not offered for a venture, and why. */
    public record NotOffered(MentorCandidate mentor, Exclusion why) {}

    public Optional<VentureCard> venture(long ventureId) {
        return Rows.first(em.createNativeQuery(CARD + "\nwhere v.id = ?1").setParameter(1, ventureId), Matching::card);
    }

    /** Staff describe what the venture needs, for matching; a venture changed meanwhile is refused. */
    public void describe(Actor staff, long ventureId, long version, Venture.Needs needs) {
        Venture venture = em.find(Venture.class, ventureId);
        if (venture == null || venture.getVersion() != version) {
            throw new org.hamkke.shared.Refused("incubation.venture.changedMeanwhile");
        }
        venture.describe(needs);
        audit.record(staff, "venture.describe", Assignments.AUDIT_TYPE, String.valueOf(ventureId),
                "needs " + needs.needs() + ", languages " + needs.languages() + ", region " + needs.region());
    }

    /** The programme's weights (the defaults until staff change them). */
    public Weights weights(long callId) {
        return Rows.first(em.createNativeQuery("select weight_language, weight_needs, weight_region, weight_capacity from programme_call where id = ?1")
                                .setParameter(1, callId),
                        r -> new Weights(r.integer("weight_language"), r.integer("weight_needs"), r.integer("weight_region"),
                                r.integer("weight_capacity")))
                .orElse(Weights.DEFAULT);
    }

    public void saveWeights(Actor staff, long callId, Weights weights) {
        em.createNativeQuery("update programme_call set weight_language = ?2, weight_needs = ?3, weight_region = ?4, weight_capacity = ?5 where id = ?1")
                .setParameter(1, callId)
                .setParameter(2, weights.language())
                .setParameter(3, weights.needs())
                .setParameter(4, weights.region())
                .setParameter(5, weights.capacity())
                .executeUpdate();
        audit.record(staff, "matching.weights", "call", String.valueOf(callId), weights.toString());
    }

    /** The mentors offered for the venture, best first, each score with its reasons; two statements. */
    public List<Ranked> ranked(VentureCard venture) {
        return Ranking.rank(venture.asNeeds(), mentors.candidates(), weights(venture.callId()));
    }

    /** The mentors left out for the venture (at their cap, a conflict, not taking new ventures), by name. */
    public List<NotOffered> notOffered(VentureCard venture) {
        return mentors.candidates().stream()
                .map(m -> MatchScore.exclusion(venture.asNeeds(), m).map(why -> new NotOffered(m, why)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The programme's ventures with no live mentor (none offered, none active): a round to match. */
    public List<VentureCard> unmatched(long callId) {
        return Rows.list(em.createNativeQuery(CARD + "\n" + """
                         where a.call_id = ?1 and not exists (
                           select 1 from mentor_assignment m where m.venture_id = v.id and m.status in ('OFFERED', 'ACTIVE'))
                         order by v.id""").setParameter(1, callId), Matching::card);
    }

    /**
     * The best round for the programme's unmatched ventures under every mentor's places left:
     * as many placed as possible, then the highest total score. Nothing is sent: staff review it.
     */
    public Round proposeRound(long callId) {
        List<VentureCard> ventures = unmatched(callId);
        List<MentorCandidate> candidates = mentors.candidates();
        Proposal proposal = RoundMatcher.propose(ventures.stream().map(VentureCard::asNeeds).toList(), candidates, weights(callId));
        return new Round(proposal, ventures.stream().collect(Collectors.toMap(VentureCard::id, Function.identity())),
                candidates.stream().collect(Collectors.toMap(MentorCandidate::mentorId, Function.identity())));
    }

    /** A proposal with the ventures and mentors it names, for the page to show by name. */
    public record Round(Proposal proposal, Map<Long, VentureCard> ventures, Map<Long, MentorCandidate> mentors) {}

    /** The programmes (calls) that have ventures, newest first: what the round page picks from. */
    public List<Programme> programmes() {
        return Rows.list(em.createNativeQuery("""
                                select c.id, c.title, count(v.id) as ventures from programme_call c
                                join application a on a.call_id = c.id join venture v on v.application_id = a.id
                                group by c.id, c.title order by c.id desc"""),
                r -> new Programme(r.id("id"), r.text("title"), r.integer("ventures")));
    }

    public record Programme(long id, String titleJson, int ventures) {}

    /** A venture in staff's list: its programme, region, and its mentors now (offered or active). */
    public record Listed(long id, String name, String callTitleJson, String region, String mentors, int active, int offered) {}

    /** What staff's list is narrowed to; null means any. */
    public record Filter(Long callId, String region, Long mentorId) {}

    /** One page of the ventures, newest first, with how many match in all: two statements, whatever the page. */
    public Page<Listed> list(Filter filter, int page, int size) {
        String where = """
                where (cast(?1 as bigint) is null or a.call_id = ?1)
                  and (cast(?2 as text) is null or lower(v.region) = lower(?2))
                  and (cast(?3 as bigint) is null or exists (select 1 from mentor_assignment x where x.venture_id = v.id
                       and x.mentor_id = ?3 and x.status in ('OFFERED', 'ACTIVE')))""";
        long total = ((Number) bind(em.createNativeQuery("select count(*) from venture v join application a on a.id = v.application_id " + where),
                filter).getSingleResult()).longValue();
        List<Listed> rows = Rows.list(bind(em.createNativeQuery("""
                        select v.id, v.name, c.title, v.region,
                               (select string_agg(coalesce(nullif(p.display_name, ''), p.username), ', ' order by p.id)
                                from mentor_assignment m join person p on p.id = m.mentor_id
                                where m.venture_id = v.id and m.status in ('OFFERED', 'ACTIVE')) as mentors,
                               (select count(*) from mentor_assignment m where m.venture_id = v.id and m.status = 'ACTIVE') as active,
                               (select count(*) from mentor_assignment m where m.venture_id = v.id and m.status = 'OFFERED') as offered
                        from venture v join application a on a.id = v.application_id join programme_call c on c.id = a.call_id
                        """ + where + " order by v.id desc limit ?4 offset ?5"), filter)
                        .setParameter(4, size)
                        .setParameter(5, (long) (page - 1) * size),
                r -> new Listed(r.id("id"), r.text("name"), r.text("title"), r.text("region"), r.text("mentors"), r.integer("active"),
                        r.integer("offered")));
        return new Page<>(rows, total);
    }

    public record Page<T>(List<T> rows, long total) {}

    /** The regions ventures are in, for the list's filter. */
    public List<String> regions() {
        return Rows.list(em.createNativeQuery("select distinct region from venture where region is not null order by region"), r -> r.text("region"));
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Filter filter) {
        return query.setParameter(1, filter.callId()).setParameter(2, filter.region()).setParameter(3, filter.mentorId());
    }

    private static final String CARD = """
            select v.id, v.name, v.legal_form, v.sector, v.region, v.needs, v.languages, v.wants_in_person, v.version,
                   a.call_id, c.title as call_title
            from venture v join application a on a.id = v.application_id join programme_call c on c.id = a.call_id""";

    private static VentureCard card(Rows.Row r) {
        return new VentureCard(r.id("id"), r.text("name"), r.text("legal_form"), r.text("sector"), r.id("call_id"), r.text("call_title"),
                new Venture.Needs(r.tags("needs"), r.tags("languages"), r.text("region"), r.flag("wants_in_person")), r.id("version"));
    }
}
