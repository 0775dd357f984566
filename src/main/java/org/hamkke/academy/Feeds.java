package org.hamkke.academy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Languages;
import org.hamkke.shared.LocalizedText;
import org.hamkke.shared.LocalizedTextConverter;
import org.hamkke.shared.db.Rows;

/**
 * The academy's calendar subscriptions ({@link CalendarFeed}): a person's own feed at a secret
 * address, and a public cohort's feed.
 *
 * <p><b>The person's address</b> is {@code /feeds/me/<token>.ics}, where the token is 32 random
 * bytes (base64url, 43 characters). The address is the only credential a calendar app can carry,
 * so it is treated as one: only its SHA-256 is stored (a copy of the database opens no feed), the
 * person sees it once, when it is made, and "a new address" replaces it, after which the old one
 * answers 404 like any unknown address. It lists the sessions of the cohorts where the person holds
 * a seat (confirmed, offered, or completed), and nobody else's: the query is keyed by the person the
 * token names. The meeting link appears where the enrolment page shows it, to a confirmed or
 * completed learner.
 *
 * <p><b>A cohort's feed</b> ({@code /feeds/cohort/<id>.ics}) lists a public cohort's sessions,
 * in the course's language of instruction; an invited-only cohort answers 404, like a missing one.
 *
 * <p>Each feed is two statements. Its last change ({@link Feed#lastModified}) is the latest of the
 * {@code changed_at} columns the database keeps (V18) for the sessions, cohorts, courses and
 * enrolments it reads, and of the address itself.
 */
@Allowed(anyone = true)
@ApplicationScoped
@Transactional
public class Feeds {

    /** What a person's address carries: 43 characters of base64url. Anything else is no address. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BUNDLE = "org.hamkke.i18n.Messages";

    /*
     * A session's cancellation (V15): both feeds keep a cancelled session and write STATUS:CANCELLED
     * for it (CalendarFeed.Event#cancelled), so calendars take it out instead of keeping a stale copy.
     */
    private static final String CANCELLED = "s.status = 'CANCELLED'";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hamkke.portal.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** A feed ready to send: the document and when what it shows last changed. */
    public record Feed(String calendar, Instant lastModified) {}

    /** The person's feed named by the token; empty for any token that names none (revoked, mistyped, made up). */
    public Optional<Feed> personal(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        record Owner(long personId, String language, Instant changedAt) {}
        Optional<Owner> owner = Rows.first(em.createNativeQuery("""
                                select f.person_id, f.language,
                                       greatest(f.created_at, (select max(greatest(e.changed_at, h.changed_at)) from enrolment e
                                                               join cohort h on h.id = e.cohort_id where e.person_id = f.person_id)) as changed_at
                                from calendar_feed f where f.token_hash = ?1""")
                        .setParameter(1, hash(token)),
                r -> new Owner(r.id("person_id"), r.text("language"), r.instant("changed_at")));
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        String language = owner.get().language();
        Texts texts = new Texts(language);
        List<CalendarFeed.Event> events = Rows.list(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, s.version, s.cohort_id, %s as cancelled,
                                       h.time_zone, h.delivery, h.venue, h.room, h.meeting_link, h.label, c.title as course_title, e.status,
                                       greatest(s.changed_at, h.changed_at, c.changed_at, e.changed_at) as stamp
                                from enrolment e join cohort h on h.id = e.cohort_id join course c on c.id = h.course_id
                                join cohort_session s on s.cohort_id = h.id
                                where e.person_id = ?1 and e.status in ('CONFIRMED', 'OFFERED', 'COMPLETED')
                                order by s.starts_at, s.id""".formatted(CANCELLED))
                        .setParameter(1, owner.get().personId()),
                r -> {
                    EnrolmentStatus status = r.constant(EnrolmentStatus.class, "status");
                    // The link only where the enrolment page shows it: to a learner whose seat is confirmed.
                    String link = status == EnrolmentStatus.OFFERED ? null : r.text("meeting_link");
                    long cohort = r.id("cohort_id");
                    return event(r, texts, link, URI.create(base() + "/me/enrol.xhtml?cohort=" + cohort));
                });
        return Optional.of(new Feed(CalendarFeed.write(texts.text("feeds.name.personal"), events, host()),
                latest(owner.get().changedAt(), events)));
    }

    /** A public cohort's feed; empty for an invited-only cohort, as for one that does not exist. */
    public Optional<Feed> cohort(long cohortId) {
        record Cohort(String label, String courseTitle, String language, Instant changedAt) {}
        Optional<Cohort> cohort = Rows.first(em.createNativeQuery("""
                                select h.label, c.title as course_title, c.language, greatest(h.changed_at, c.changed_at) as changed_at
                                from cohort h join course c on c.id = h.course_id
                                where h.id = ?1 and h.visibility = 'PUBLIC'""")
                        .setParameter(1, cohortId),
                r -> new Cohort(r.text("label"), r.text("course_title"), r.text("language"), r.instant("changed_at")));
        if (cohort.isEmpty()) {
            return Optional.empty();
        }
        // The course's language of instruction: whoever subscribes follows a course taught in it.
        Texts texts = new Texts(Languages.isSupported(cohort.get().language()) ? cohort.get().language() : Languages.DEFAULT);
        URI page = URI.create(base() + "/academy/cohort.xhtml?id=" + cohortId);
        List<CalendarFeed.Event> events = Rows.list(em.createNativeQuery("""
                                select s.id, s.title, s.starts_at, s.ends_at, s.version, %s as cancelled,
                                       h.time_zone, h.delivery, h.venue, h.room, h.label, c.title as course_title,
                                       greatest(s.changed_at, h.changed_at, c.changed_at) as stamp
                                from cohort_session s join cohort h on h.id = s.cohort_id join course c on c.id = h.course_id
                                where s.cohort_id = ?1
                                order by s.starts_at, s.id""".formatted(CANCELLED))
                        .setParameter(1, cohortId),
                // Never the meeting link: it is for those with a seat.
                r -> event(r, texts, null, page));
        String title = texts.title(cohort.get().courseTitle());
        String name = cohort.get().label() == null ? title : title + " · " + cohort.get().label();
        return Optional.of(new Feed(CalendarFeed.write(name, events, host()), latest(cohort.get().changedAt(), events)));
    }

    /** When the person made their current address; empty when they have none. */
    @Allowed(signedIn = true)
    public Optional<Instant> madeAt(long personId) {
        return Rows.first(em.createNativeQuery("select created_at from calendar_feed where person_id = ?1").setParameter(1, personId),
                r -> r.instant("created_at"));
    }

    /**
     * Makes the person's address, replacing (and so revoking) any earlier one in the same
     * statement.
     *
     * @param language the language the feed's titles will be in (the page's, when the person makes it)
     * @return the new token: shown to the person now, and never again (only its hash is kept)
     */
    @Allowed(signedIn = true)
    public String renew(long personId, String language) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("""
                        insert into calendar_feed (person_id, token_hash, language, created_at) values (?1, ?2, ?3, ?4)
                        on conflict (person_id) do update
                        set token_hash = excluded.token_hash, language = excluded.language, created_at = excluded.created_at""")
                .setParameter(1, personId)
                .setParameter(2, hash(token))
                .setParameter(3, Languages.isSupported(language) ? language : Languages.DEFAULT)
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        return token;
    }

    /** The portal's address of a person's feed with this token, for the page that shows it once. */
    @Allowed(signedIn = true)
    public String personalAddress(String token) {
        return base() + "/feeds/me/" + token + ".ics";
    }

    /** The portal's address of a public cohort's feed. */
    public String cohortAddress(long cohortId) {
        return base() + "/feeds/cohort/" + cohortId + ".ics";
    }

    private static CalendarFeed.Event event(Rows.Row r, Texts texts, String meetingLink, URI page) {
        Delivery delivery = r.constant(Delivery.class, "delivery");
        String session = r.text("title");
        String course = texts.title(r.text("course_title"));
        String place = null;
        if (delivery.needsVenue() && r.text("venue") != null) {
            place = r.text("room") == null ? r.text("venue") : r.text("venue") + ", " + texts.format("cohort.room", r.text("room"));
        }
        String location = delivery == Delivery.ONLINE ? (meetingLink != null ? meetingLink : texts.text("academy.delivery.ONLINE")) : place;
        List<String> lines = new ArrayList<>();
        if (r.text("label") != null) {
            lines.add(r.text("label"));
        }
        if (meetingLink != null) {
            lines.add(texts.text("cohort.meetingLink") + ": " + meetingLink);
        }
        // Google Calendar shows no URL property: the cohort's address goes in the description too.
        lines.add(page.toString());
        return new CalendarFeed.Event(r.id("id"), session == null ? course : course + " · " + session, r.instant("starts_at"),
                r.instant("ends_at"), r.text("time_zone"), location, String.join("\n", lines), page, r.id("version"),
                r.instant("stamp"), r.flag("cancelled"));
    }

    private static Instant latest(Instant changedAt, List<CalendarFeed.Event> events) {
        Instant latest = changedAt == null ? Instant.EPOCH : changedAt;
        for (CalendarFeed.Event event : events) {
            if (event.stamp().isAfter(latest)) {
                latest = event.stamp();
            }
        }
        return latest;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "hamkke" : host;
    }

    /** The feed's words in its language, from the portal's bundle. */
    private static final class Texts {
        private final String language;
        private final Locale locale;
        private final ResourceBundle bundle;

        Texts(String language) {
            this.language = language;
            this.locale = Locale.forLanguageTag(language);
            // Never the server's own locale as a fallback: English is the base bundle.
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String text(String key) {
            return bundle.getString(key);
        }

        String format(String key, String value) {
            return new MessageFormat(text(key), locale).format(new Object[] {value});
        }

        String title(String json) {
            LocalizedText text = new LocalizedTextConverter().convertToEntityAttribute(json);
            return text.in(language);
        }
    }
}
