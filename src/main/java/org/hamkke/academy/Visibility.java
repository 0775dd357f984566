package org.hamkke.academy;

/** Who may see and join a cohort. */
public enum Visibility {
    /** In the public catalog; anyone signed in may enrol. */
    PUBLIC,
    /**
     * Only the people on its invitation list (e.g. the ventures of an incubation round): not in the
     * catalog, and its page answers 404 to anyone else, as for a cohort that does not exist.
     */
    INVITED
}
