package org.hamkke.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Role;

/**
 * Conflicts of interest: the one place that says who may not review, move, decide or assign
 * reviewers for an application. A person conflicts with an application when
 * <ul>
 *   <li>they are its applicant,
 *   <li>their address (person.email, as Keycloak last gave it) is one a member of the collective
 *       gave, compared without case (members' addresses are stored in lower case), or
 *   <li>they declared a conflict with it as its reviewer (final: it is never taken back).
 * </ul>
 * The rule is written once, as SQL ({@link #conflicted}), so the services put it inside the very
 * queries that read or change an application: a page that forgets to ask cannot open the door.
 * Nothing here is shown to applicants.
 */
@Allowed({Role.STAFF, Role.ADMIN})
@ApplicationScoped
@Transactional
public class Conflicts {

    /** Why a person conflicts with an application, in the order checked. */
    public enum Reason {
        APPLICANT,
        MEMBER,
        DECLARED
    }

    /**
     * Thrown when a conflicted person is asked to act on an application: as a reviewer being
     * assigned, or as staff moving, deciding, assigning or reading its reviews.
     */
    public static final class Conflicted extends RuntimeException {
        private final long personId;
        private final Reason reason;

        Conflicted(long personId, Reason reason) {
            super("Person " + personId + " conflicts with the application: " + reason);
            this.personId = personId;
            this.reason = reason;
        }

        /** Who conflicts: the reviewer being assigned, or the staff member acting. */
        public long personId() {
            return personId;
        }

        public Reason reason() {
            return reason;
        }
    }

    @Inject
    EntityManager em;

    /**
     * The rule as an SQL condition, true when {@code person} conflicts with the application row
     * {@code application}.
     *
     * @param person an SQL expression for a person id, e.g. {@code "?2"} or {@code "ra.reviewer_id"}
     * @param application the alias of an {@code application} row in the surrounding query
     */
    static String conflicted(String person, String application) {
        return """
                (%2$s.applicant_id = %1$s
                 or exists (select 1 from application_member cm join person cp on lower(cp.email) = cm.email
                            where cm.application_id = %2$s.id and cp.id = %1$s)
                 or exists (select 1 from review_assignment cr
                            where cr.application_id = %2$s.id and cr.reviewer_id = %1$s and cr.conflict = 'CONFLICT'))"""
                .formatted(person, application);
    }

    /** Why this person conflicts with this application, if they do. */
    public Optional<Reason> of(long personId, long applicationId) {
        return Optional.ofNullable(ofPerson(personId, List.of(applicationId)).get(applicationId));
    }

    /** Of these applications, the ones this person conflicts with and why (one query). */
    public Map<Long, Reason> ofPerson(long personId, Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select a.id, case
                          when a.applicant_id = ?1 then 'APPLICANT'
                          when exists (select 1 from application_member m join person p on lower(p.email) = m.email
                                       where m.application_id = a.id and p.id = ?1) then 'MEMBER'
                          when exists (select 1 from review_assignment ra
                                       where ra.application_id = a.id and ra.reviewer_id = ?1 and ra.conflict = 'CONFLICT')
                            then 'DECLARED' end
                        from application a where a.id = any(cast(?2 as bigint[]))
                        """)
                .setParameter(1, personId)
                .setParameter(2, array(applicationIds))
                .getResultList();
        Map<Long, Reason> reasons = new LinkedHashMap<>();
        for (Object[] r : rows) {
            if (r[1] != null) {
                reasons.put(((Number) r[0]).longValue(), Reason.valueOf((String) r[1]));
            }
        }
        return reasons;
    }

    /**
     * Everyone who conflicts with each submitted application of a call, by application id: for
     * automatic assignment, which must pass them over. Reads the call's own rows only.
     */
    public Map<Long, Set<Long>> inCall(long callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select a.id, a.applicant_id from application a where a.call_id = ?1 and a.stage is not null
                        union
                        select a.id, p.id from application a join application_member m on m.application_id = a.id
                        join person p on lower(p.email) = m.email
                        where a.call_id = ?1 and a.stage is not null
                        union
                        select a.id, ra.reviewer_id from application a join review_assignment ra on ra.application_id = a.id
                        where a.call_id = ?1 and ra.conflict = 'CONFLICT'
                        """)
                .setParameter(1, callId)
                .getResultList();
        Map<Long, Set<Long>> people = new HashMap<>();
        for (Object[] r : rows) {
            people.computeIfAbsent(((Number) r[0]).longValue(), a -> new HashSet<>()).add(((Number) r[1]).longValue());
        }
        return people;
    }

    /** Refuses when the person conflicts with the application. */
    void require(long personId, long applicationId) {
        of(personId, applicationId).ifPresent(reason -> {
            throw new Conflicted(personId, reason);
        });
    }

    static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
