package de.parkleit.core.codec;

/** A payload that could not be decoded; {@link #reason()} is a short dead-letter reason id. */
public final class JsonCodecException extends RuntimeException {

    private final String reason;

    public JsonCodecException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
