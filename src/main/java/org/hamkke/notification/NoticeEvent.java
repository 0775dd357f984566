package org.hamkke.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Something a person must hear about, as a feature reports it.
 *
 * @param recipientId the Person
 * @param data the template's placeholders; a key ending in {@code Key} names a message to show in
 *     the recipient's language instead ({@code roleKey=role.reviewer} fills {@code {role}})
 * @param dedupeKey unique per recipient: a second event with the same key is ignored, which is
 *     what makes a retried or doubly fired job notify once ("decision:application-42")
 * @param link the portal page the notice leads to, e.g. "/me/"
 */
public record NoticeEvent(
        long recipientId,
        @NotNull NoticeKind kind,
        @NotNull Map<String, String> data,
        @NotBlank String dedupeKey,
        String link) {}
