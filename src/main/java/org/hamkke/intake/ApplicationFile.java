package org.hamkke.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file attached to an application's FILE question. The bytes live on disk under a random
 * storage key (outside the web root, {@link Attachments}); this row says whose they are, what the
 * content was found to be, and the checksum that proves they were not changed. One file per
 * question: uploading again replaces it, in place, while the application is a draft.
 */
@Entity
@Table(name = "application_file")
public class ApplicationFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private Application application;

    @Column(name = "question_id", nullable = false)
    private long questionId;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ApplicationFile() {}

    ApplicationFile(Application application, long questionId) {
        this.application = application;
        this.questionId = questionId;
    }

    /** What was stored; the previous storage key, whose bytes go once this commits (null for a first upload). */
    String store(String storageKey, String originalName, String mediaType, long sizeBytes, String sha256, Instant now) {
        if (sizeBytes <= 0 || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A stored file has content and its SHA-256");
        }
        String previous = this.storageKey;
        this.storageKey = storageKey;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = now;
        return previous;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public long getQuestionId() {
        return questionId;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
