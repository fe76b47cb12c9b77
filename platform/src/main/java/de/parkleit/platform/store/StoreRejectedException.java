package de.parkleit.platform.store;

/**
 * The store refused a write or query as invalid (HTTP 4xx, bad SQL or schema mismatch): retrying the
 * same request cannot succeed, so callers should dead-letter it rather than spool it.
 */
public final class StoreRejectedException extends RuntimeException {
    public StoreRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
