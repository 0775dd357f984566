package org.hamkke.academy.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.hamkke.academy.Certificates;
import org.hamkke.identity.web.CurrentUser;
import org.hamkke.shared.Refused;
import org.hamkke.shared.web.NotFound;
import org.hamkke.shared.web.PageMessages;
import org.hamkke.shared.web.RequestParams;

/**
 * A cohort's certificates for staff ({@code /staff/certificates.xhtml?cohort=ID}): how many
 * completers there are, how many have a certificate, and a button issuing the missing ones; a lazy
 * PrimeFaces table of the certificates (paged, sorted and filtered in the database,
 * {@link CertificateModel}); and revoking one. A row's "Revoke" link ({@code &revoke=ID}, a GET that
 * changes nothing) opens a dialog with the certificate, the reason to write and the confirmation;
 * the post revokes ({@link Certificates#revoke}, audited) and comes back to the table.
 */
@Named
@ViewScoped
public class CertificatesPage implements Serializable {

    @Inject
    Certificates certificates;

    @Inject
    CurrentUser currentUser;

    private Long cohortId;
    private Certificates.Summary summary;
    private CertificateModel model;
    private Certificates.Row pending;
    private String reason;
    private String reasonError;

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        cohortId = RequestParams.id(params.get("cohort"));
        summary = cohortId == null ? null : certificates.summary(cohortId).orElse(null);
        if (summary == null) {
            cohortId = null;
            NotFound.respond();
            return;
        }
        model = new CertificateModel(cohortId);
        Long asked = RequestParams.id(params.get("revoke"));
        pending = asked == null ? null : certificates.find(cohortId, asked).filter(row -> !row.revoked()).orElse(null);
    }

    /** Issues the certificates the cohort's completers are missing, and says how many. */
    public String issueMissing() {
        int issued = certificates.issueMissing(currentUser.actor(), cohortId);
        PageMessages.info(issued == 0 ? "certificates.noneMissing" : "certificates.issuedNow", String.valueOf(issued));
        return back();
    }

    public String revoke() {
        if (pending == null) {
            return back();
        }
        try {
            certificates.revoke(currentUser.actor(), cohortId, pending.id(), reason);
            PageMessages.info("certificates.revokedNow", pending.code());
        } catch (Refused refused) {
            if (refused.key().equals("academy.revoke.alreadyRevoked")) {
                PageMessages.error(refused.key());
                return back();
            }
            // Nothing stored: the dialog stays open with what was typed and what is wrong with it.
            reasonError = PageMessages.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                    PageMessages.text(refused.key()), refused.problems().getFirst().arg());
            return null;
        } catch (IllegalArgumentException gone) {
            PageMessages.error("academy.changedMeanwhile");
        }
        return back();
    }

    private String back() {
        return "/staff/certificates?faces-redirect=true&cohort=" + cohortId;
    }

    public Certificates.Summary getSummary() {
        return summary;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public CertificateModel getModel() {
        return model;
    }

    public Certificates.Row getPending() {
        return pending;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getReasonErrors() {
        return reasonError == null ? List.of() : List.of(reasonError);
    }

    public List<String> getStatuses() {
        return List.of("VALID", "REVOKED");
    }
}
