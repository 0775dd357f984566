package org.hamkke.incubation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;
import org.hamkke.incubation.matching.MentorCandidate;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.db.DatabaseRefusal;
import org.hamkke.shared.db.Rows;

/**
 * Mentors' profiles: a mentor keeps their own (expertise, languages, region, how they work, their
 * cap, whether they take new ventures); staff read them all for matching. Every method that
 * changes a profile takes the person's own id: there is no way to name someone else's.
 */
@ApplicationScoped
@Transactional
public class Mentors {

    @Inject
    EntityManager em;

    /** The mentor's own profile, if they have made one. */
    @Allowed(Role.MENTOR)
    public Optional<MentorProfile> profile(long personId) {
        return Optional.ofNullable(em.find(MentorProfile.class, personId));
    }

    /**
     * Saves the mentor's own profile, making it on first save.
     *
     * @param version the version the form was read at (-1 for a new one): a profile changed
     *     meanwhile (in another tab) is refused, never overwritten
     * @throws Refused the form's problems, or "incubation.profile.changedMeanwhile"
     */
    @Allowed(Role.MENTOR)
    public MentorProfile save(long personId, MentorProfile.Form form, long version) {
        MentorProfile profile = em.find(MentorProfile.class, personId);
        if (profile == null) {
            profile = new MentorProfile(personId);
            profile.update(form);
            em.persist(profile);
        } else {
            if (profile.getVersion() != version) {
                throw new Refused(List.of(new Problem(null, "incubation.profile.changedMeanwhile")));
            }
            profile.update(form);
        }
        try {
            em.flush();
        } catch (RuntimeException e) {
            // An offer taken meanwhile may have raised the places taken above the new cap: V19's check says no.
            if (DatabaseRefusal.by(e, "mentor_cap")) {
                throw new Refused(List.of(new Problem("cap", "incubation.profile.capBelowTaken", "")));
            }
            throw e;
        }
        return profile;
    }

    /**
     * Every mentor with a profile, as matching weighs them: one statement, whatever their number
     * (their declared conflicts gathered in it).
     */
    @Allowed({Role.STAFF, Role.ADMIN})
    public List<MentorCandidate> candidates() {
        return Rows.list(em.createNativeQuery("""
                        select m.person_id, coalesce(nullif(p.display_name, ''), p.username) as name, m.expertise, m.languages, m.region,
                               m.mode, m.cap, m.places_taken, m.available,
                               (select array_agg(c.venture_id) from mentor_conflict c where c.mentor_id = m.person_id) as conflicts
                        from mentor_profile m join person p on p.id = m.person_id
                        order by m.person_id"""),
                r -> new MentorCandidate(r.id("person_id"), r.text("name"), r.tags("expertise"), r.tags("languages"), r.text("region"),
                        r.constant(org.hamkke.incubation.matching.Mode.class, "mode"), r.integer("cap"), r.integer("places_taken"),
                        r.flag("available"), r.ids("conflicts")));
    }
}
