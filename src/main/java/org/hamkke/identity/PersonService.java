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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
     * <p>One upsert statement rather than find-then-insert: the same person signing in from two
     * tabs at once must not fail on the unique subject. The {@code before} row is read in the
     * same statement, so the roles compared are exactly those this upsert replaced.
     */
    public Person recordSignIn(@NotNull @Valid SignInClaims claims) {
        Instant now = clock.instant();
        Object[] row = (Object[]) em.createNativeQuery(
                        """
                        with before as (select roles from person where subject = ?1)
                        insert into person (subject, username, display_name, email, locale, roles, created_at, last_login_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?7, ?6, ?6, 0)
                        on conflict (subject) do update set
                          username = excluded.username, display_name = excluded.display_name,
                          email = excluded.email,
                          locale = coalesce(excluded.locale, person.locale),
                          roles = excluded.roles,
                          last_login_at = excluded.last_login_at, version = person.version + 1
                        returning id, (select roles from before)
                        """)
                .setParameter(1, claims.subject())
                .setParameter(2, claims.username())
                .setParameter(3, claims.displayName())
                .setParameter(4, claims.email())
                .setParameter(5, Languages.supportedOrNull(claims.locale()))
                .setParameter(6, java.sql.Timestamp.from(now))
                .setParameter(7, claims.rolesText())
                .getSingleResult();
        long id = ((Number) row[0]).longValue();
        String rolesBefore = (String) row[1];
        Set<Role> granted = rolesBefore == null ? Set.of() : newlyGranted(rolesBefore, claims.roles());
        signedIn.fire(new PersonSignedIn(id, rolesBefore == null, granted));
        return getBySubject(claims.subject());
    }

    static Set<Role> newlyGranted(String rolesBefore, Set<Role> now) {
        Set<String> before = Set.of(rolesBefore.split(","));
        return now.stream()
                .filter(role -> !before.contains(role.roleName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Person> find(long id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }

    public Optional<Person> findBySubject(String subject) {
        return em.createNamedQuery("Person.bySubject", Person.class)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    public Person getBySubject(String subject) {
        return findBySubject(subject).orElseThrow(() -> new IllegalStateException("No person for subject " + subject));
    }

    /** The person chose a language in the portal: remember it for e-mails and the next visit. */
    public void changeLocale(@NotNull String subject, @NotNull String language) {
        em.createQuery("update Person p set p.locale = :locale where p.subject = :subject")
                .setParameter("locale", Languages.supportedOrNull(language))
                .setParameter("subject", subject)
                .executeUpdate();
    }
}
