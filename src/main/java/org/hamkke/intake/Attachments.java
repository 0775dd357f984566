package org.hamkke.intake;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.files.TemporaryFiles;
import org.hamkke.shared.retention.Housekeeper;

/**
 * Files attached to an application's FILE questions. An upload is streamed to a temporary file
 * while its size is counted (refused past {@code hamkke.intake.attachment-max-bytes}, 10 MB by
 * default) and its SHA-256 computed, its type is recognised from the content, and only then is it
 * moved under {@code <hamkke.files.dir>/attachments} with a random name and recorded. Nothing of a
 * refused upload stays behind, and the draft's other answers are untouched.
 */
/** Readers are checked per file in the queries (applicant, staff, unconflicted reviewer). */
@Allowed(signedIn = true)
@ApplicationScoped
@Transactional(dontRollbackOn = Applications.Refused.class)
public class Attachments implements Housekeeper {

    private static final Logger LOG = Logger.getLogger(Attachments.class.getName());

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TemporaryFiles temporaryFiles;

    @Inject
    @ConfigProperty(name = "hamkke.files.dir", defaultValue = "hamkke-files")
    String filesDir;

    @Inject
    @ConfigProperty(name = "hamkke.intake.attachment-max-bytes", defaultValue = "10485760")
    long maxBytes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A stored file as its owner and its readers see it. */
    public record Attached(long id, long questionId, String originalName, String mediaType, long sizeBytes, String sha256) {}

    /**
     * What a download needs: where the bytes are and how to present them.
     *
     * @param fileName the name offered: the original one, or a neutral one for a reviewer of a blind call
     */
    public record Download(Path path, String fileName, String mediaType, long sizeBytes, String sha256) {}

    /** A setting, no one's data: the upload limit reads it at start, before anyone is signed in. */
    @Allowed(anyone = true)
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Attaches a file to the applicant's own draft, replacing the one that question had.
     *
     * @throws Applications.Refused too large, not an allowed type, disguised, or the draft is not
     *     theirs, not a draft any more, or the call closed
     */
    public Attached attach(long personId, long callId, long questionId, String originalName, InputStream content)
            throws IOException {
        String field = "q" + questionId;
        List<?> draft = em.createNativeQuery(
                        """
                        select a.id from application a join call_question q on q.call_id = a.call_id
                        join programme_call c on c.id = a.call_id
                        where a.applicant_id = ?1 and a.call_id = ?2 and q.id = ?3 and q.kind = 'FILE' and a.stage is null
                          and c.opens_at <= ?4 and c.closes_at > ?4
                        """)
                .setParameter(1, personId)
                .setParameter(2, callId)
                .setParameter(3, questionId)
                .setParameter(4, Timestamp.from(clock.instant()))
                .getResultList();
        if (draft.isEmpty()) {
            throw refused(field, "apply.file.notAccepted");
        }
        long applicationId = ((Number) draft.getFirst()).longValue();
        String name = cleanName(originalName);
        Path temp = Files.createTempFile(temporaryFiles.directory(), "upload-", ".part");
        try {
            String sha256 = copyCounting(content, temp);
            if (sha256 == null) {
                throw refused(field, "apply.file.tooLarge");
            }
            long size = Files.size(temp);
            if (size == 0) {
                throw refused(field, "apply.file.empty");
            }
            AttachmentType.Detected detected = AttachmentType.detect(temp, name);
            if (detected.type() == null) {
                throw refused(field, detected.refusal() == AttachmentType.Verdict.DISGUISED
                        ? "apply.file.disguised" : "apply.file.notAllowed");
            }
            // Named after what it is: "photo.exe" that is a PNG is kept as "photo.png".
            name = detected.type().fileName(name);
            String key = UUID.randomUUID().toString();
            Path target = storage().resolve(key);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            afterTransaction(committed -> {
                if (!committed) {
                    delete(target);
                }
            });
            @SuppressWarnings("unchecked")
            List<Object> replaced = em.createNativeQuery(
                            "delete from application_file where application_id = ?1 and question_id = ?2 returning storage_key")
                    .setParameter(1, applicationId)
                    .setParameter(2, questionId)
                    .getResultList();
            Number id = (Number) em.createNativeQuery(
                            """
                            insert into application_file (application_id, question_id, storage_key, original_name, media_type,
                                                          size_bytes, sha256, uploaded_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id
                            """)
                    .setParameter(1, applicationId)
                    .setParameter(2, questionId)
                    .setParameter(3, key)
                    .setParameter(4, name)
                    .setParameter(5, detected.type().mediaType())
                    .setParameter(6, size)
                    .setParameter(7, sha256)
                    .setParameter(8, Timestamp.from(clock.instant()))
                    .getSingleResult();
            afterTransaction(committed -> {
                if (committed) {
                    replaced.forEach(old -> delete(storage().resolve((String) old)));
                }
            });
            return new Attached(id.longValue(), questionId, name, detected.type().mediaType(), size, sha256);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The files of the applicant's own application to a call, by question id. */
    public Map<Long, Attached> ofApplicant(long personId, long callId) {
        return list("a.applicant_id = ?1 and a.call_id = ?2", personId, callId);
    }

    /** The files of one application; callers have already checked the reader may see it. */
    public Map<Long, Attached> ofApplication(long applicationId) {
        return list("a.id = ?1 and ?2 = ?2", applicationId, 0L);
    }

    /**
     * A file for download, when this person may read it: the applicant who attached it, staff, or
     * a reviewer assigned to the submitted application who declared no conflict and has none other
     * ({@link Conflicts}), while it is not withdrawn. Anyone else gets nothing, exactly as for a
     * file that does not exist. A reviewer of a blind call gets the neutral name the review page
     * shows ({@link AttachmentNames}); staff and the applicant the original.
     */
    public Optional<Download> forReader(long fileId, long personId, boolean staff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select f.storage_key, f.original_name, f.media_type, f.size_bytes, f.sha256,
                               c.blind_review and not ?3 and a.applicant_id <> ?2, %s
                        from application_file f join application a on a.id = f.application_id
                        join call_question q on q.id = f.question_id join programme_call c on c.id = a.call_id
                        where f.id = ?1 and (?3 or a.applicant_id = ?2 or (
                            a.stage is not null and a.stage <> 'WITHDRAWN' and not %s and exists (
                              select 1 from review_assignment ra
                              where ra.application_id = a.id and ra.reviewer_id = ?2 and ra.conflict = 'NONE')))
                        """.formatted(AttachmentNames.NUMBER, Conflicts.conflicted("?2", "a")))
                .setParameter(1, fileId)
                .setParameter(2, personId)
                .setParameter(3, staff)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Download(storage().resolve((String) r[0]),
                AttachmentNames.shown((String) r[1], (String) r[2], ((Number) r[6]).longValue(), (Boolean) r[5]),
                (String) r[2], ((Number) r[3]).longValue(), (String) r[4]));
    }

    @Override
    @Allowed(portal = true)
    public String name() {
        return "orphaned attachments";
    }

    /**
     * Removes stored files no row points to any more (their draft expired or was replaced while a
     * node went down). Only files older than a day: a file moved in a moment ago may belong to a
     * transaction that has not committed yet.
     */
    @Override
    @Allowed(portal = true)
    public int clean(Instant now) {
        @SuppressWarnings("unchecked")
        Set<String> known = new HashSet<>(em.createNativeQuery("select storage_key from application_file").getResultList());
        Instant cutoff = now.minus(Duration.ofDays(1));
        int removed = 0;
        try (Stream<Path> files = Files.list(storage())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!known.contains(file.getFileName().toString())
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Housekeeping of attachments stopped early: " + e);
        }
        return removed;
    }

    private Map<Long, Attached> list(String where, long a, long b) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select f.id, f.question_id, f.original_name, f.media_type, f.size_bytes, f.sha256 "
                                + "from application_file f join application a on a.id = f.application_id where " + where)
                .setParameter(1, a)
                .setParameter(2, b)
                .getResultList();
        Map<Long, Attached> byQuestion = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Attached file = new Attached(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], ((Number) r[4]).longValue(), (String) r[5]);
            byQuestion.put(file.questionId(), file);
        }
        return byQuestion;
    }

    /** Copies at most maxBytes; the hex SHA-256, or null when the content was longer. */
    private String copyCounting(InputStream content, Path temp) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private Path storage() {
        Path dir = Path.of(filesDir).toAbsolutePath().resolve("attachments");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private void afterTransaction(java.util.function.Consumer<Boolean> then) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                then.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Could not remove " + file + " (housekeeping will): " + e);
        }
    }

    /**
     * Characters that change how a name is shown without being seen: the bidirectional embeddings,
     * overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C),
     * which make {@code report<U+202E>fdp.html} read as "reportlmth.pdf"; line and paragraph
     * separators, the byte-order mark and other invisible format characters. The zero-width
     * joiner and non-joiner stay: Urdu, Persian and Indic names need them.
     */
    private static final java.util.regex.Pattern HIDDEN =
            java.util.regex.Pattern.compile("[\\p{Cntrl}\u0080-\u009F\"\u061C\u200E\u200F\u2028-\u202E\u2066-\u206F\uFEFF\uFFF9-\uFFFB]");

    /**
     * The name as shown and offered on download, before its extension is made to match the
     * content ({@link AttachmentType#fileName}): no folders, no control or direction characters.
     */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = HIDDEN.matcher(base.substring(base.lastIndexOf('/') + 1)).replaceAll("").strip();
        return base.isEmpty() ? "file" : base;
    }

    private static Applications.Refused refused(String field, String key) {
        return new Applications.Refused(List.<String[]>of(new String[] {field, key}));
    }
}
