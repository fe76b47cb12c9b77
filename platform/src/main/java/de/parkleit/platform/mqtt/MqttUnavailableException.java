package de.parkleit.platform.mqtt;

/** The broker could not be reached or refused an operation. */
public final class MqttUnavailableException extends RuntimeException {
    public MqttUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
