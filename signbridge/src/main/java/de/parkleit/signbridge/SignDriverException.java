package de.parkleit.signbridge;

/** A show that could not be done; {@link #reason()} is a short id ({@code timeout}, {@code http_500}, {@code unreachable}, ...). */
public final class SignDriverException extends RuntimeException {

    private final String reason;

    public SignDriverException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SignDriverException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** {@code reason: message}, cut to what an ack carries. */
    public String fault() {
        String s = reason + ": " + getMessage();
        return s.length() > de.parkleit.core.sign.SignAck.MAX_FAULT ? s.substring(0, de.parkleit.core.sign.SignAck.MAX_FAULT - 1) + "…" : s;
    }

    /** The driver exception behind a failed stage, or one with reason {@code driver_error}. */
    public static SignDriverException of(Throwable t) {
        Throwable c = t;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof SignDriverException e ? e : new SignDriverException("driver_error", String.valueOf(c), c);
    }
}
