package de.parkleit.platform.config;

/** A configuration value is missing or invalid; the message names the variable or flag to change. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
