package org.hamkke.intake.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hamkke.intake.ApplicantKind;
import org.hamkke.intake.ApplicationTable.Query;
import org.hamkke.intake.ApplicationTable.Sort;
import org.hamkke.intake.Stage;

/**
 * The staff table's order and filters in an address: the table opens in them, and the
 * application page reads them to offer the next and previous application in the same order
 * without going back to the list ({@code sort}, {@code dir}, {@code stage}, {@code kind},
 * {@code q}, {@code disagreement}). Anything odd in the address asks nothing (the defaults),
 * never an error.
 */
final class PipelineAddress {

    private PipelineAddress() {}

    /** The query the address asks of this call. */
    static Query query(long callId, Map<String, String> params) {
        Sort sort = constant(Sort.class, params.get("sort"));
        sort = sort == null ? Sort.SUBMITTED : sort;
        String dir = params.get("dir");
        boolean descending = "desc".equals(dir) || !"asc".equals(dir) && sort != Sort.NAME;
        return new Query(callId, constant(Stage.class, params.get("stage")), constant(ApplicantKind.class, params.get("kind")),
                params.get("q"), "true".equals(params.get("disagreement")), sort, descending);
    }

    /** The query as parameters to append to an address ("&sort=…"), its defaults left out; the call is not among them. */
    static String of(Query query) {
        StringBuilder address = new StringBuilder();
        if (query.sort() != Sort.SUBMITTED || !query.descending()) {
            address.append("&sort=").append(query.sort().name()).append("&dir=").append(query.descending() ? "desc" : "asc");
        }
        if (query.stage() != null) {
            address.append("&stage=").append(query.stage().name());
        }
        if (query.kind() != null) {
            address.append("&kind=").append(query.kind().name());
        }
        if (query.name() != null) {
            address.append("&q=").append(URLEncoder.encode(query.name(), StandardCharsets.UTF_8));
        }
        if (query.disagreement()) {
            address.append("&disagreement=true");
        }
        return address.toString();
    }

    /** The same parameters as name and value, for hidden fields of a form (the name search not encoded). */
    static List<Map.Entry<String, String>> fields(Query query) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String pair : of(query).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.add(Map.entry(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return fields;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
