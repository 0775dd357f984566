package org.hamkke.academy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * The public addresses of the academy's credentials, all under the portal's own address
 * ({@code hamkke.portal.base-url}), public and stateless (named in {@code AccessPolicy}):
 *
 * <ul>
 *   <li>{@code /credentials/issuer}: the issuer's Open Badges {@code Profile}; its address is the
 *       issuer's id, which every credential carries and a verifier trusts;
 *   <li>{@code /credentials/jwks.json}: the public keys (JWK Set); each key's {@code kid} is this
 *       address with the key's thumbprint as fragment, so a {@code kid} dereferences to its key;
 *   <li>{@code /credentials/status/N}: revocation list N, a signed {@code BitstringStatusListCredential};
 *   <li>{@code /verify.xhtml?code=...}: the verification page, where the certificate's QR code points.
 * </ul>
 */
record CredentialAddresses(String base) {

    static final String STATUS = "/credentials/status/";

    CredentialAddresses {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    URI issuer() {
        return URI.create(base + "/credentials/issuer");
    }

    URI jwks() {
        return URI.create(base + "/credentials/jwks.json");
    }

    URI statusList(int list) {
        return URI.create(base + STATUS + list);
    }

    URI verify(String code) {
        return URI.create(base + "/verify.xhtml?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    /** The course's cohorts in the public catalog: the Open Badges achievement's id. */
    URI course(long courseId) {
        return URI.create(base + "/academy/catalog.xhtml?course=" + courseId);
    }

    URI home() {
        return URI.create(base + "/");
    }

    /** The number of one of our own status lists from its address; empty for any other address. */
    OptionalInt statusListNumber(URI address) {
        String text = address.toString();
        String prefix = base + STATUS;
        if (!text.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        String number = text.substring(prefix.length());
        if (number.isEmpty() || number.length() > 6 || !number.chars().allMatch(c -> c >= '0' && c <= '9') || number.startsWith("0")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(number));
    }
}
