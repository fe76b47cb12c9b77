package de.parkleit.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Measures publish-to-live-state latency honestly under coalescing: every published reading waits
 * until a retained state of its facility arrives whose {@code updatedAt} is at or after the
 * reading's ts; its latency is that arrival time minus the publish time.
 */
final class LatencyProbe implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MqttAsyncClient client;
    private final Map<String, ArrayDeque<long[]>> pending = new HashMap<>();
    private final List<Long> latenciesUs = new ArrayList<>();
    private volatile boolean recording;

    LatencyProbe(String url, String stateFilter) throws Exception {
        client = new MqttAsyncClient(url, "bench-probe-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                arrived(message.getPayload(), System.nanoTime());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(stateFilter, 0).waitForCompletion(10_000);
    }

    /** Called just before a reading is published; it counts if recording is on at that moment. */
    synchronized void sent(String facility, Instant ts) {
        pending.computeIfAbsent(facility, f -> new ArrayDeque<>())
                .addLast(new long[] {toMicros(ts), System.nanoTime(), recording ? 1 : 0});
    }

    void recording(boolean on) {
        recording = on;
    }

    private synchronized void arrived(byte[] payload, long nanos) throws Exception {
        JsonNode n = MAPPER.readTree(payload);
        if (!n.path("updatedAt").isTextual()) {
            return;
        }
        long updated = toMicros(Instant.parse(n.get("updatedAt").asText()));
        ArrayDeque<long[]> q = pending.get(n.path("id").asText());
        while (q != null && !q.isEmpty() && q.peekFirst()[0] <= updated) {
            long[] p = q.pollFirst();
            if (p[2] == 1) {
                latenciesUs.add((nanos - p[1]) / 1_000);
            }
        }
    }

    private static long toMicros(Instant ts) {
        return ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1_000;
    }

    /** p50, p99, max in ms, and the number of readings measured. */
    synchronized double[] percentiles() {
        List<Long> l = new ArrayList<>(latenciesUs);
        Collections.sort(l);
        if (l.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
        }
        return new double[] {l.get(l.size() / 2) / 1000.0, l.get((int) Math.min(l.size() - 1, Math.ceil(l.size() * 0.99) - 1)) / 1000.0,
                l.get(l.size() - 1) / 1000.0, l.size()};
    }

    synchronized int unanswered() {
        return pending.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
