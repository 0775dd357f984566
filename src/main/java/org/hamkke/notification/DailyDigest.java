package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.identity.Callers;
import org.hamkke.shared.db.Rows;

/**
 * Once a day, one e-mail per person who chose the digest (or has lines in a feature's
 * {@link DigestSection}): the notices that waited for it, then each section's lines. The digest is
 * itself a notice keyed by the day, so running twice in a day, or on two instances, sends one.
 */
@Allowed(portal = true)
@ApplicationScoped
public class DailyDigest {

    private static final int PARALLEL = 4;

    @Inject
    DigestWriter writer;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Inject
    @Any
    Instance<DigestSection> sections;

    @Inject
    @ConfigProperty(name = "hamkke.time-zone", defaultValue = "UTC")
    String timeZone;

    /** @return how many digests this run created */
    public int run(Instant now) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate day = now.atZone(zone).toLocalDate();
        Map<Long, List<DigestSection.Line>> extra = new HashMap<>();
        for (DigestSection section : sections) {
            section.linesFor(day, zone).forEach((person, lines) -> extra.computeIfAbsent(person, p -> new ArrayList<>()).addAll(lines));
        }
        var people = new TreeMap<Long, Boolean>();
        writer.waitingPeople().forEach(p -> people.put(p, true));
        extra.keySet().forEach(p -> people.put(p, true));
        // A few people at a time: each digest is its own small transaction, and PostgreSQL commits
        // concurrent transactions together, so this is several times faster than one by one.
        List<Long> everyone = new ArrayList<>(people.keySet());
        int lanes = Math.min(PARALLEL, Math.max(1, everyone.size()));
        List<java.util.concurrent.Callable<Integer>> work = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            // Each lane runs on a pool thread: still the portal's own work, as the job that started it.
            work.add(() -> Callers.asPortal("daily digest", () -> {
                int created = 0;
                for (int i = first; i < everyone.size(); i += lanes) {
                    Long person = everyone.get(i);
                    if (writer.write(person, day, extra.getOrDefault(person, List.of()))) {
                        created++;
                    }
                }
                return created;
            }));
        }
        int created = 0;
        try {
            for (var done : executor.invokeAll(work)) {
                created += done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Digest run failed part-way; the rest is sent on the next run", e.getCause());
        }
        return created;
    }

    /** One person's digest in its own transaction: one person's trouble does not hold up the rest. */
    @ApplicationScoped
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public static class DigestWriter {

        @Inject
        EntityManager em;

        @Inject
        NotificationService notifications;

        List<Long> waitingPeople() {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select distinct recipient_id from notice where email_state = 'DIGEST'")
                    .getResultList();
            return rows.stream().map(r -> ((Number) r).longValue()).toList();
        }

        boolean write(long personId, LocalDate day, List<DigestSection.Line> lines) {
            List<Waiting> rows = Rows.list(em.createNativeQuery(
                                    """
                                    select p.locale, coalesce(nullif(p.display_name, ''), p.username) as name,
                                           n.kind, n.data::text as data, n.id
                                    from person p left join notice n on n.recipient_id = p.id and n.email_state = 'DIGEST'
                                    where p.id = ?1 order by n.created_at
                                    """)
                            .setParameter(1, personId),
                    r -> new Waiting(r.text("locale"), r.text("name"), r.text("kind"), r.text("data"), r.optionalId("id")));
            if (rows.isEmpty()) {
                return false;
            }
            var locale = NoticeTemplates.localeOf(rows.getFirst().locale());
            String name = rows.getFirst().name();
            var texts = NoticeTemplates.bundle(locale);
            List<String> items = new ArrayList<>();
            List<Long> included = new ArrayList<>();
            for (Waiting notice : rows) {
                if (notice.kind() != null) {
                    included.add(notice.id());
                    items.add(NoticeTemplates.subject(NoticeKind.fromKey(notice.kind()),
                            org.hamkke.shared.JsonObjects.strings(notice.data()), name, locale));
                }
            }
            for (DigestSection.Line line : lines) {
                items.add(NoticeTemplates.fill(texts.getString(line.messageKey()), line.data(), false));
            }
            if (items.isEmpty()) {
                return false;
            }
            String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
            boolean created = notifications.notify(new NoticeEvent(personId, NoticeKind.DAILY_DIGEST,
                    Map.of("date", date, "items", String.join("\n", items)), "digest:" + day, "/me/notices.xhtml"));
            if (created && !included.isEmpty()) {
                em.createNativeQuery("update notice set email_state = 'DIGESTED' where email_state = 'DIGEST' and id in ("
                                + included.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                        .executeUpdate();
            }
            return created;
        }

        /** The person, and one notice of theirs waiting for the digest (kind null when none waits). */
        private record Waiting(String locale, String name, String kind, String data, Long id) {}
    }
}
