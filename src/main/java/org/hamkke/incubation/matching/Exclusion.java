package org.hamkke.incubation.matching;

/**
 * Why a mentor is not offered for a venture at all. When several apply, {@link MatchScore#exclusion}
 * names the one that staff cannot lift by changing the mentor's load: a conflict first, then the
 * mentor's own unavailability, then a full cap.
 */
public enum Exclusion {
    /** No places left: the mentor's active ventures have reached their cap. */
    AT_CAP,
    /** The mentor has a conflict of interest with this venture. */
    CONFLICT,
    /** The mentor takes no new ventures for now (leave, a pause they asked for). */
    UNAVAILABLE
}
