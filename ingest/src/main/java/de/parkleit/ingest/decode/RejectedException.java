package de.parkleit.ingest.decode;

import java.util.Objects;

/**
 * A payload was rejected for {@link #reason()}. The only exception decoders and validators throw;
 * it carries no stack trace because rejecting bad input is routine, not exceptional.
 */
public final class RejectedException extends RuntimeException {

    private final RejectReason reason;

    public RejectedException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }
}
