package de.parkleit.bench.load;

import io.vertx.mqtt.MqttClient;

/**
 * One simulated gateway: its own MQTT connection, the single-space sensors behind it (one, or many for
 * a region-shaped load: {@code --sensors}), and the publish times of its in-flight readings indexed by
 * packet id (the client allows at most {@link #MAX_INFLIGHT} in flight, and packet ids are consecutive,
 * so the ids in flight never share a slot), with whether each was a change of its space.
 */
final class Gateway {
    static final int MAX_INFLIGHT = 1000;
    private static final int SLOTS = 1024;

    final MqttClient client;
    /** Sensor numbers behind this gateway; its topic for sensor s is {@code <root>/parking/<facility of s>/spaces/s<s>}. */
    final int[] sensors;
    /** Readings this gateway has published (it cycles through its sensors). */
    long published;
    private final long[] sentAt = new long[SLOTS];
    private final boolean[] change = new boolean[SLOTS];

    Gateway(MqttClient client, int[] sensors) {
        this.client = client;
        this.sensors = sensors;
    }

    void published(int packetId, long nanos, boolean isChange) {
        sentAt[packetId & (SLOTS - 1)] = nanos;
        change[packetId & (SLOTS - 1)] = isChange;
    }

    /** Whether the acknowledged packet was a change (or a space's first reading). */
    boolean wasChange(int packetId) {
        return change[packetId & (SLOTS - 1)];
    }

    /** The publish time of the acknowledged packet, or 0 if unknown; frees the slot. */
    long acknowledged(int packetId) {
        int slot = packetId & (SLOTS - 1);
        long t0 = sentAt[slot];
        sentAt[slot] = 0;
        return t0;
    }
}
