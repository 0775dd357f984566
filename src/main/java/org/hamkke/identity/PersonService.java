package org.hamkke.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The local record of people who sign in through Keycloak. */
@ApplicationScoped
@Transactional
public class PersonService {

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * Creates the Person on first sign-in, refreshes name, e-mail and locale on later ones.
     *
     * <p>One upsert statement rather than find-then-insert: the same person signing in from two
     * tabs at once must not fail on the unique subject.
     */
    public Person recordSignIn(@NotNull @Valid SignInClaims claims) {
        Instant now = clock.instant();
        em.createNativeQuery(
                        """
                        insert into person (subject, username, display_name, email, locale, created_at, last_login_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)
                        on conflict (subject) do update set
                          username = excluded.username, display_name = excluded.display_name,
                          email = excluded.email,
                          locale = coalesce(excluded.locale, person.locale),
                          last_login_at = excluded.last_login_at, version = person.version + 1
                        """)
                .setParameter(1, claims.subject())
                .setParameter(2, claims.username())
                .setParameter(3, claims.displayName())
                .setParameter(4, claims.email())
                .setParameter(5, Languages.supportedOrNull(claims.locale()))
                .setParameter(6, java.sql.Timestamp.from(now))
                .executeUpdate();
        return getBySubject(claims.subject());
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
