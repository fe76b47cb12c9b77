package de.parkleit.guidance;

/** No facility can be recommended for a trip: none in reach, none reachable, or all expected full. */
public final class NoFacilityException extends RuntimeException {

    public NoFacilityException(String message) {
        super(message);
    }
}
