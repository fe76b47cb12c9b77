package de.parkleit.platform.mqtt;

/**
 * A message received from the broker. With manual acknowledgement, QoS 1 messages must be passed
 * to {@link MqttConnection#ack(InboundMessage)} once they are durably handled.
 */
public record InboundMessage(String topic, byte[] payload, int qos, boolean retained, int messageId) {
}
