package de.parkleit.ingest.spool;

/** The spool reached its size limit or the disk is nearly full: the caller must not acknowledge. */
public final class SpoolFullException extends RuntimeException {
    public SpoolFullException(String message) {
        super(message);
    }
}
