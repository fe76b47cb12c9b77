package de.parkleit.feeds;

/** Reject reasons, one word each (metric tag values, log keys). */
public final class Reasons {
    /** Payload is not well-formed XML/JSON, truncated, or an HTML page. */
    public static final String MALFORMED = "malformed";
    /** Payload larger than the configured cap. */
    public static final String TOO_LARGE = "too_large";
    /** Payload carries a DTD / entity declarations (XXE, billion laughs). */
    public static final String DTD = "dtd";
    /** Well-formed, but not the expected publication (wrong root, wrong publication type). */
    public static final String WRONG_FORMAT = "wrong_format";
    public static final String MISSING_FIELD = "missing_field";
    public static final String NEGATIVE = "negative";
    public static final String FREE_ABOVE_CAPACITY = "free_above_capacity";
    public static final String UNKNOWN_ID = "unknown_id";
    public static final String FUTURE_TIME = "future_time";
    public static final String BAD_VALUE = "bad_value";

    private Reasons() {
    }
}
