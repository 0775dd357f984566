package org.hamkke.shared.retention;

import java.time.Instant;

/**
 * One context's clean-up of what it no longer needs to keep (expired drafts, temporary files,
 * old history). The nightly housekeeping job calls every Housekeeper bean; each owns its own
 * tables, so no context reaches into another's.
 */
public interface Housekeeper {

    /** A short name for the job's report, e.g. "temporary files". */
    String name();

    /**
     * Removes what expired before {@code now} by this housekeeper's own rules. Must be safe to run
     * twice or on two instances at once.
     *
     * @return how many items were removed
     */
    int clean(Instant now);
}
