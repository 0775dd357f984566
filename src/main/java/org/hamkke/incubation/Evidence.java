package org.hamkke.incubation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hamkke.shared.Problem;
import org.hamkke.shared.Refused;
import org.hamkke.shared.StorableText;

/**
 * What members submit for a milestone in this slice: a text and/or links (files come later). A
 * link is a web address, http or https only: a {@code javascript:} or {@code data:} link shown to
 * the mentor would run in the portal's page, a {@code file:} one points nowhere useful. Limits keep
 * a phone's form and the mentor's page readable; V20 holds the same.
 *
 * @param text stripped, null when none
 * @param links as typed, one per line, stripped; no blank ones, no repeats
 */
public record Evidence(String text, List<String> links) {

    static final int TEXT_LENGTH = 5000;
    static final int LINK_LENGTH = 500;
    static final int LINKS = 5;

    public Evidence {
        links = List.copyOf(links);
    }

    /**
     * The evidence as typed: the text, and the links one per line.
     *
     * @throws Refused every problem at once: the text's ("text"), a link that is not a web address
     *     (with the link), too many or too long links ("links"), or nothing at all
     */
    public static Evidence of(String text, String typedLinks) {
        List<Problem> problems = new ArrayList<>();
        String kept = StorableText.checked(text, TEXT_LENGTH, "text", problems);
        List<String> links = new ArrayList<>();
        for (String line : (typedLinks == null ? "" : typedLinks).split("\\R")) {
            String link = line.strip();
            if (link.isEmpty() || links.contains(link)) {
                continue;
            }
            if (link.length() > LINK_LENGTH) {
                problems.add(new Problem("links", "milestone.evidence.linkTooLong", String.valueOf(LINK_LENGTH)));
            } else {
                webAddress(link).ifPresentOrElse(address -> {
                    if (!links.contains(address)) {
                        links.add(address);
                    }
                }, () -> problems.add(new Problem("links", "milestone.evidence.notALink", StorableText.storable(link) ? link : "?")));
            }
        }
        if (links.size() > LINKS) {
            problems.add(new Problem("links", "milestone.evidence.tooManyLinks", String.valueOf(LINKS)));
        }
        if (problems.isEmpty() && kept == null && links.isEmpty()) {
            problems.add(new Problem("text", "milestone.evidence.empty"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Evidence(kept, links);
    }

    /**
     * The link as kept (its scheme in small letters, as V20 checks it) when it is an absolute
     * http(s) address with a host, no user name in it, and nothing a browser would read otherwise
     * (spaces, controls, backslashes).
     */
    static Optional<String> webAddress(String link) {
        if (!StorableText.storable(link) || link.chars().anyMatch(c -> c <= ' ' || c == '\\' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && link.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)
                    && uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
            return web ? Optional.of(scheme + link.substring(scheme.length())) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
