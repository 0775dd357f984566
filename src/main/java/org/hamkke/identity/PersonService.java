package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamkke.shared.db.Rows;

/** The local record of people who sign in through Keycloak. */
@ApplicationScoped
@Transactional
public class PersonService {

    @Inject
    EntityManager em;

    @Inject
    Event<PersonSignedIn> signedIn;

    Clock clock = Clock.systemUTC();

    /**
     * Creates the Person on first sign-in, refreshes name, e-mail, locale and roles on later ones,
     * and tells the other contexts ({@link PersonSignedIn}).
     *
     * <p>An upsert rather than find-then-insert: the same person signing in from two tabs at once
     * must not fail on the unique subject. The row is locked by the upsert until the transaction
     * ends, so the roles read as "before" are exactly those this sign-in replaces.
     */
    @Allowed(portal = true)
    public Person recordSignIn(@NotNull @Valid SignInClaims claims) {
        Instant now = clock.instant();
        Upserted row = Rows.list(em.createNativeQuery(
                        """
                        insert into person (subject, username, display_name, email, locale, created_at, last_login_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)
                        on conflict (subject) do update set
                          username = excluded.username, display_name = excluded.display_name,
                          email = excluded.email,
                          locale = coalesce(excluded.locale, person.locale),
                          last_login_at = excluded.last_login_at, version = person.version + 1
                        returning id, xmax = 0 as first_time
                        """)
                .setParameter(1, claims.subject())
                .setParameter(2, claims.username())
                .setParameter(3, claims.displayName())
                .setParameter(4, claims.email())
                .setParameter(5, Languages.supportedOrNull(claims.locale()))
                .setParameter(6, java.sql.Timestamp.from(now)),
                r -> new Upserted(r.id("id"), r.flag("first_time"))).getFirst();
        long id = row.id();
        boolean firstTime = row.firstTime();
        Set<Role> before = rolesOf(id);
        // As one text: role names have no commas, and it spares binding an array through JPA.
        String names = claims.roles().stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
        em.createNativeQuery("delete from person_role where person_id = ?1 and not (role = any(string_to_array(?2, ',')))")
                .setParameter(1, id)
                .setParameter(2, names)
                .executeUpdate();
        em.createNativeQuery("insert into person_role (person_id, role) select ?1, unnest(string_to_array(nullif(?2, ''), ',')) on conflict do nothing")
                .setParameter(1, id)
                .setParameter(2, names)
                .executeUpdate();
        signedIn.fire(new PersonSignedIn(id, firstTime, firstTime ? Set.of() : newlyGranted(before, claims.roles())));
        return em.find(Person.class, id);
    }

    static Set<Role> newlyGranted(Set<Role> before, Set<Role> now) {
        return now.stream().filter(role -> !before.contains(role)).collect(Collectors.toUnmodifiableSet());
    }

    private Set<Role> rolesOf(long personId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select role from person_role where person_id = ?1")
                .setParameter(1, personId)
                .getResultList();
        return names.stream().map(Role::fromRoleName).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** The signed-in person's own record. */
    @Allowed(signedIn = true)
    public Optional<Person> findMe() {
        return Callers.person().map(me -> em.find(Person.class, me.personId()));
    }

    @Allowed(portal = true)
    public Optional<Person> findBySubject(String subject) {
        return em.createNamedQuery("Person.bySubject", Person.class)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    @Allowed(portal = true)
    public Person getBySubject(String subject) {
        return findBySubject(subject).orElseThrow(() -> new IllegalStateException("No person for subject " + subject));
    }

    /** The signed-in person chose a language in the portal: remember it for e-mails and the next visit. */
    @Allowed(signedIn = true)
    public void changeMyLocale(@NotNull String language) {
        SignedIn me = Callers.person().orElseThrow();
        em.createQuery("update Person p set p.locale = :locale where p.id = :id")
                .setParameter("locale", Languages.supportedOrNull(language))
                .setParameter("id", me.personId())
                .executeUpdate();
    }

    /** The person's row after the sign-in's upsert, and whether it was the first sign-in. */
    private record Upserted(long id, boolean firstTime) {}
}
