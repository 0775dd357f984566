package org.hamkke.academy.certificate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hamkke.identity.Languages;

/**
 * What a certificate says, in the holder's language: the one input of the PDF and of the Open
 * Badges credential. The academy's entities fill it when it issues a certificate; nothing here
 * knows them.
 *
 * @param holderName the learner's name as it is to be printed
 * @param courseTitle the course's title in {@code language}
 * @param cohortName the cohort's name (a run of the course)
 * @param start the cohort's first day
 * @param end the cohort's last day
 * @param issued the day the certificate was issued
 * @param verificationCode the code printed on the certificate; it identifies the certificate for good
 * @param verifyUrl the public verification address (the QR code points there)
 * @param courseUrl the course's public page: the Open Badges achievement's id
 * @param language one of the portal's languages (en, fr, id, ar, ur)
 */
public record CertificateContent(
        String holderName,
        String courseTitle,
        String cohortName,
        LocalDate start,
        LocalDate end,
        LocalDate issued,
        String verificationCode,
        URI verifyUrl,
        URI courseUrl,
        Locale language) {

    public CertificateContent {
        requireText(holderName, "holderName");
        requireText(courseTitle, "courseTitle");
        requireText(cohortName, "cohortName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(issued, "issued");
        requireText(verificationCode, "verificationCode");
        Objects.requireNonNull(verifyUrl, "verifyUrl");
        Objects.requireNonNull(courseUrl, "courseUrl");
        Objects.requireNonNull(language, "language");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The cohort ends (" + end + ") before it starts (" + start + ")");
        }
        if (!Languages.isSupported(language.toLanguageTag())) {
            throw new IllegalArgumentException("No certificate in " + language + "; languages: " + Languages.SUPPORTED);
        }
    }

    /**
     * The credential's id: a name-based UUID (RFC 9562 version 3) of the verification code, so
     * issuing the same certificate again yields the same credential id, and the code cannot be
     * read back from the id.
     */
    public URI credentialId() {
        return nameBased("certificate:" + verificationCode);
    }

    /**
     * The credential subject's id (the JWT's {@code sub}): stable per certificate and pseudonymous,
     * since the academy gives learners no identifier of their own to put in a credential.
     */
    public URI subjectId() {
        return nameBased("holder:" + verificationCode);
    }

    /** The portal's code of the certificate's language: en, fr, id, ar or ur. */
    public String languageCode() {
        return Languages.supportedOrNull(language.toLanguageTag());
    }

    public boolean rightToLeft() {
        return Languages.isRightToLeft(languageCode());
    }

    private static URI nameBased(String name) {
        return URI.create("urn:uuid:" + UUID.nameUUIDFromBytes(("org.hamkke.academy." + name).getBytes(StandardCharsets.UTF_8)));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
