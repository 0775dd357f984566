package org.hamkke.intake;

import java.util.List;

/**
 * Announced (synchronously, in the deciding transaction) when an application is accepted. The
 * incubation context observes it and creates the Venture; it carries everything incubation needs,
 * so incubation never reads intake's tables.
 */
public record ApplicationAccepted(
        long applicationId, long applicantId, String name, String legalForm, String sector, String region,
        List<Member> members) {

    public record Member(String name, String role) {}
}
