package org.hamkke.academy.certificate;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a credential's revocation bit lives: a {@code BitstringStatusListEntry} (W3C Bitstring
 * Status List v1.0, the status method Open Badges 3.0 names for VC 2.0 credentials), with the
 * purpose {@code revocation}. Which index a certificate gets is the issuing side's to keep (one
 * per certificate, never reused; the Bitstring Status List recommends spreading them at random).
 *
 * @param statusListCredential the address of the signed status list credential
 * @param index the credential's bit in that list
 */
public record StatusListEntry(URI statusListCredential, int index) {

    public static final String TYPE = "BitstringStatusListEntry";
    public static final String PURPOSE = "revocation";

    public StatusListEntry {
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        if (index < 0) {
            throw new IllegalArgumentException("A status list index is not negative: " + index);
        }
    }

    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", statusListCredential + "#" + index);
        json.put("type", TYPE);
        json.put("statusPurpose", PURPOSE);
        // The specification writes the index as a string holding a base-10 integer.
        json.put("statusListIndex", Integer.toString(index));
        json.put("statusListCredential", statusListCredential.toString());
        return json;
    }
}
