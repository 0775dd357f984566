package org.hamkke.intake;

/** Who applies: one person, or a group (a cooperative, a self-help group) with its members. */
public enum ApplicantKind {
    INDIVIDUAL,
    COLLECTIVE;

    /** What a form posted: anything but "COLLECTIVE" is an individual. */
    public static ApplicantKind of(String posted) {
        return "COLLECTIVE".equals(posted) ? COLLECTIVE : INDIVIDUAL;
    }
}
