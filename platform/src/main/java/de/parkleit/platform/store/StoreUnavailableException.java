package de.parkleit.platform.store;

/** The store did not take a write or answer a query; the caller may spool and retry. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
