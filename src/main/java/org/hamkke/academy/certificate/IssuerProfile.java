package org.hamkke.academy.certificate;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who issues the academy's credentials: the Open Badges {@code Profile} of the issuer.
 *
 * @param id the issuer's identifier, which every credential's {@code issuer.id} and JWT {@code iss}
 *     carry and a verifier trusts (the portal's address, for instance)
 * @param name the organisation's name as wallets show it
 * @param url its public home page
 */
public record IssuerProfile(URI id, String name, URI url) {

    public IssuerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (!id.isAbsolute()) {
            throw new IllegalArgumentException("The issuer's id must be an absolute URI: " + id);
        }
    }

    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", id.toString());
        json.put("type", List.of("Profile"));
        json.put("name", name);
        json.put("url", url.toString());
        return json;
    }
}
