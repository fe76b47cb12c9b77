package de.parkleit.platform.mqtt;

/**
 * A message received from the broker. With manual acknowledgement, QoS 1 messages must be
 * acknowledged ({@link #ack()}) once they are durably handled; the ack goes to the connection the
 * message came from ({@code from}), since message ids are per connection.
 *
 * @param from the connection it arrived on (null only for messages made up in tests)
 */
public record InboundMessage(String topic, byte[] payload, int qos, boolean retained, int messageId, MqttConnection from) {

    /** A message not tied to a connection (tests): {@link #ack()} does nothing. */
    public InboundMessage(String topic, byte[] payload, int qos, boolean retained, int messageId) {
        this(topic, payload, qos, retained, messageId, null);
    }

    /** Acknowledges it on the connection it came from (a no-op for QoS 0 and automatic acks). */
    public void ack() {
        if (from != null) {
            from.ack(this);
        }
    }

    @Override
    public String toString() {
        return "InboundMessage[topic=" + topic + ", qos=" + qos + ", retained=" + retained + ", messageId=" + messageId
                + ", from=" + (from == null ? "null" : from.settings().clientId()) + "]";
    }
}
