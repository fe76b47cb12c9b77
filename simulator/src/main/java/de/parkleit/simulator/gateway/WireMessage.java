package de.parkleit.simulator.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A message as a gateway puts it on the broker. Equal when topic and payload bytes are equal. */
public record WireMessage(String topic, byte[] payload) {

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMessage m && topic.equals(m.topic) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "WireMessage[" + topic + ", " + text() + "]";
    }
}
