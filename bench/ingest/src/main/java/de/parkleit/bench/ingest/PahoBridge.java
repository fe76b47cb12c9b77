package de.parkleit.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The comparison: the least code that gets readings from MQTT into QuestDB. Paho subscriber (auto
 * ack), JSON parsed with Jackson, one line-protocol line per message into a buffer that a writer
 * thread POSTs to {@code /api/v2/write} whenever its previous POST returned. No validation, no
 * state, no durability before the ack.
 */
final class PahoBridge implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MqttAsyncClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI write;
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private StringBuilder buffer = new StringBuilder(1 << 20);
    private int buffered;
    private volatile boolean running = true;

    PahoBridge(String mqttUrl, String questDbUrl, String filter, int qos) throws Exception {
        write = URI.create(questDbUrl + "/api/v2/write?precision=u");
        client = new MqttAsyncClient(mqttUrl, "bench-bridge-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                line(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(65_000);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(filter, qos).waitForCompletion(10_000);
        writer = new Thread(this::writeLoop, "bridge-writer");
        writer.start();
    }

    private void line(String topic, byte[] payload) throws Exception {
        JsonNode n = MAPPER.readTree(payload);
        String facility = topic.substring(0, topic.lastIndexOf('/'));
        facility = facility.substring(facility.lastIndexOf('/') + 1);
        Instant ts = Instant.parse(n.get("ts").asText());
        long us = ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1_000;
        synchronized (this) {
            buffer.append("parking_occupancy,facility=").append(facility).append(" free=").append(n.get("free").asInt())
                    .append("i ").append(us).append('\n');
            buffered++;
            notifyAll();
        }
    }

    private void writeLoop() {
        while (running) {
            StringBuilder batch;
            int n;
            synchronized (this) {
                while (buffered == 0 && running) {
                    try {
                        wait(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = buffer;
                n = buffered;
                buffer = new StringBuilder(1 << 20);
                buffered = 0;
            }
            if (n > 0) {
                post(batch);
                written.addAndGet(n);
            }
        }
    }

    private void post(StringBuilder batch) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(write)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(batch.toString().getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 204) {
                throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException("bridge write failed", e);
        }
    }

    long written() {
        return written.get();
    }

    @Override
    public void close() throws Exception {
        running = false;
        writer.join(5_000);
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
