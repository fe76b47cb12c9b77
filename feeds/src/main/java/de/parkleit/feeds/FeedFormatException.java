package de.parkleit.feeds;

/** The payload as a whole cannot be read (malformed, truncated, too large, DTD, wrong publication). */
public final class FeedFormatException extends Exception {

    private final String reason;

    public FeedFormatException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FeedFormatException(String reason, String message) {
        this(reason, message, null);
    }

    /** One of {@link Reasons}. */
    public String reason() {
        return reason;
    }
}
