package de.parkleit.cityinit;

/** {@code city init} or {@code city check} cannot build or accept the city; the message says why, for the user. */
public final class CityInitException extends RuntimeException {

    /** Exit code of the command: the input does not make a city. */
    public static final int UNUSABLE = 2;

    public CityInitException(String message) {
        super(message);
    }

    public CityInitException(String message, Throwable cause) {
        super(message, cause);
    }
}
