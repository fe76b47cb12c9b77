package de.parkleit.bench.load;

import io.vertx.mqtt.MqttClient;

/**
 * One simulated single-space sensor gateway: its own MQTT connection and topic, and the publish times of
 * its in-flight readings indexed by packet id (the client allows at most {@link #MAX_INFLIGHT} in flight,
 * and packet ids are consecutive, so the ids in flight never share a slot).
 */
final class Gateway {
    static final int MAX_INFLIGHT = 1000;
    private static final int SLOTS = 1024;

    final MqttClient client;
    final String topic;
    private final long[] sentAt = new long[SLOTS];

    Gateway(MqttClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    void published(int packetId, long nanos) {
        sentAt[packetId & (SLOTS - 1)] = nanos;
    }

    /** The publish time of the acknowledged packet, or 0 if unknown; frees the slot. */
    long acknowledged(int packetId) {
        int slot = packetId & (SLOTS - 1);
        long t0 = sentAt[slot];
        sentAt[slot] = 0;
        return t0;
    }
}
