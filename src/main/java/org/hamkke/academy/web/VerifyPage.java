package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.CertificateCode;
import org.hamkke.academy.Credentials;
import org.hamkke.shared.JsonObjects;
import org.hamkke.shared.TemporarilyUnavailableException;
import org.hamkke.shared.db.SchemaMigration;

/**
 * The public verification page ({@code /verify.xhtml}), light and stateless, where a certificate's
 * QR code leads ({@code ?code=HK-...}): who was awarded which course in which cohort, when, when it
 * was issued, and whether it is valid or revoked (when and why); below, the signed credential
 * itself, decoded and checked ({@link Credentials#check}). The record and the credential come from
 * the academy's database, not from the paper: an edited PDF's name or course shows up as a
 * difference here, and an edited code finds nothing (codes are not guessable).
 *
 * <p>A credential pasted into the form (a plain POST, at most {@link Credentials#MAX_CREDENTIAL}
 * characters) is checked the same way: a changed byte breaks its signature, and the page says why
 * in the reader's language. An unknown code answers 404, with the page and its message.
 */
@Named
@RequestScoped
public class VerifyPage {

    @Inject
    Credentials credentials;

    @Inject
    SchemaMigration schema;

    private String code;
    private boolean notFound;
    private Credentials.Record record;
    private String pasted;
    private boolean tooLong;
    private Credentials.Check check;
    private SignedClaims claims;
    private String claimsJson;

    /** What the signed credential says, read from its JSON (maps and lists), for the page's summary. */
    public record SignedClaims(String holder, String course, String issuer, Instant validFrom, LocalDate activityStart,
            LocalDate activityEnd, String language) {}

    @PostConstruct
    void load() {
        if (!schema.isMigrated()) {
            throw new TemporarilyUnavailableException();
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = external.getRequestParameterMap();
        String typed = params.get("code");
        String credential = "POST".equals(((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getMethod())
                ? params.get("credential") : null;
        if (typed != null && !typed.isBlank()) {
            code = typed.strip().length() > 64 ? typed.strip().substring(0, 64) : typed.strip();
            record = CertificateCode.parse(typed).flatMap(credentials::byCode).orElse(null);
            if (record == null) {
                notFound = true;
                external.setResponseStatus(404);
            } else {
                check = credentials.check(record.credential());
            }
        } else if (credential != null && !credential.isBlank()) {
            if (credential.length() > Credentials.MAX_CREDENTIAL) {
                tooLong = true;
            } else {
                pasted = credential.strip();
                check = credentials.check(pasted);
            }
        }
        if (check != null && check.claims() != null) {
            claims = summary(check.claims());
            claimsJson = pretty(check.claims());
        }
    }

    @SuppressWarnings("unchecked")
    static SignedClaims summary(Map<String, Object> credential) {
        Map<String, Object> subject = credential.get("credentialSubject") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        Map<String, Object> achievement = subject.get("achievement") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        Map<String, Object> issuer = credential.get("issuer") instanceof Map<?, ?> i ? (Map<String, Object>) i : Map.of();
        String holder = null;
        if (subject.get("identifier") instanceof List<?> identifiers) {
            for (Object identifier : identifiers) {
                if (identifier instanceof Map<?, ?> id && "name".equals(id.get("identityType"))) {
                    holder = String.valueOf(id.get("identityHash"));
                }
            }
        }
        return new SignedClaims(holder, text(achievement.get("name")), text(issuer.get("name")), instant(credential.get("validFrom")),
                day(subject.get("activityStartDate")), day(subject.get("activityEndDate")), text(achievement.get("inLanguage")));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Instant instant(Object value) {
        try {
            return value instanceof String s ? Instant.parse(s) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The activity's days are written as the start of the day in UTC (the data model wants date-times). */
    private static LocalDate day(Object value) {
        Instant at = instant(value);
        return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The signed payload, indented, letters as they are (Arabic and Urdu names stay readable). */
    static String pretty(Map<String, Object> credential) {
        var out = new StringWriter();
        try (var writer = JsonObjects.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(JsonObjects.JSON.createObjectBuilder(credential).build());
        }
        return out.toString().strip();
    }

    public String getCode() {
        return code;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public Credentials.Record getRecord() {
        return record;
    }

    public String getPasted() {
        return pasted;
    }

    public boolean isTooLong() {
        return tooLong;
    }

    public Credentials.Check getCheck() {
        return check;
    }

    /** "VALID", or why not (a {@code Verification.Reason}'s name); null when nothing was checked. */
    public String getVerdict() {
        return check == null ? null : check.valid() ? "VALID" : check.reason().name();
    }

    public SignedClaims getClaims() {
        return claims;
    }

    public String getClaimsJson() {
        return claimsJson;
    }

    public int getMaxCredential() {
        return Credentials.MAX_CREDENTIAL;
    }
}
