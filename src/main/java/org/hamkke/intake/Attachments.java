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
import org.hamkke.shared.db.Rows;
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
@Transactional(dontRollbackOn = Application.Refused.class)
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
     * Attaches a file to the applicant's own draft, replacing the one that question had
     * ({@link Application#attach}).
     *
     * @throws Application.Refused too large, not an allowed type, disguised, or the draft is not
     *     theirs, not a draft any more, or the call closed
     */
    public Attached attach(long personId, long callId, long questionId, String originalName, InputStream content)
            throws IOException {
        String field = "q" + questionId;
        Instant now = clock.instant();
        // Locked: a second upload to the same draft waits, so one row per question holds.
        Application application = em.createNamedQuery("Application.ofApplicant", Application.class)
                .setParameter("applicant", personId)
                .setParameter("call", callId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .filter(a -> a.acceptsFile(questionId, now))
                .orElseThrow(() -> refused(field, "apply.file.notAccepted"));
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
            String replaced = application.attach(questionId, key, name, detected.type().mediaType(), size, sha256, now);
            if (replaced != null) {
                afterTransaction(committed -> {
                    if (committed) {
                        delete(storage().resolve(replaced));
                    }
                });
            }
            em.flush();
            ApplicationFile file = application.file(questionId).orElseThrow();
            return attached(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The files of the applicant's own application to a call, by question id. */
    public Map<Long, Attached> ofApplicant(long personId, long callId) {
        Map<Long, Attached> byQuestion = new LinkedHashMap<>();
        em.createNamedQuery("Application.ofApplicant", Application.class)
                .setParameter("applicant", personId)
                .setParameter("call", callId)
                .getResultStream()
                .findFirst()
                .ifPresent(a -> a.getFiles().forEach(f -> byQuestion.put(f.getQuestionId(), attached(f))));
        return byQuestion;
    }

    private static Attached attached(ApplicationFile f) {
        return new Attached(f.getId(), f.getQuestionId(), f.getOriginalName(), f.getMediaType(), f.getSizeBytes(), f.getSha256());
    }

    /**
     * A file for download, when this person may read it: the applicant who attached it, staff, or
     * a reviewer assigned to the submitted application who declared no conflict and has none other
     * ({@link Conflicts}), while it is not withdrawn. Who may read is decided in the query itself;
     * anyone else gets nothing, exactly as for a file that does not exist. A reviewer of a blind
     * call gets the neutral name the review page shows ({@link AttachmentNames}); staff and the
     * applicant the original.
     */
    public Optional<Download> forReader(long fileId, long personId, boolean staff) {
        record Readable(long applicationId, boolean blind) {}
        return Rows.first(em.createNativeQuery("""
                                select a.id, c.blind_review and not ?3 and a.applicant_id <> ?2 as blind
                                from application_file f join application a on a.id = f.application_id
                                join programme_call c on c.id = a.call_id
                                where f.id = ?1 and (?3 or a.applicant_id = ?2 or (
                                    a.stage is not null and a.stage <> 'WITHDRAWN' and not %s and exists (
                                      select 1 from review_assignment ra
                                      where ra.application_id = a.id and ra.reviewer_id = ?2 and ra.conflict = 'NONE')))
                                """.formatted(Conflicts.conflicted("?2", "a")))
                        .setParameter(1, fileId)
                        .setParameter(2, personId)
                        .setParameter(3, staff),
                r -> new Readable(r.id("id"), r.flag("blind")))
                .map(readable -> {
                    Application application = em.find(Application.class, readable.applicationId());
                    ApplicationFile file = application.getFiles().stream().filter(f -> f.getId() == fileId).findFirst().orElseThrow();
                    return new Download(storage().resolve(file.getStorageKey()), AttachmentNames.shown(file, application, readable.blind()),
                            file.getMediaType(), file.getSizeBytes(), file.getSha256());
                });
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
        Set<String> known = new HashSet<>(em.createQuery("select f.storageKey from ApplicationFile f", String.class).getResultList());
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

    private static Application.Refused refused(String field, String key) {
        return new Application.Refused(field, key);
    }
}
