package de.parkleit.ingest.testing;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes occupancy readings like a gateway, QoS 1, each retried until the broker acknowledged it:
 * reading {@code i} goes to facility {@code P(i % facilities + 1)} with ts {@code base + i/facilities seconds}.
 */
public final class GatewayPublisher implements Runnable {

    private final String url;
    private final Topics topics;
    private final int facilities;
    private final int count;
    private final int perSecond;
    private final Instant base;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private volatile Throwable failure;

    public GatewayPublisher(String url, Topics topics, int facilities, int count, int perSecond, Instant base) {
        this.url = url;
        this.topics = topics;
        this.facilities = facilities;
        this.count = count;
        this.perSecond = perSecond;
        this.base = base;
    }

    public static OccupancyReading reading(int i, int facilities, Instant base) {
        return new OccupancyReading("P" + (i % facilities + 1), base.plusSeconds(i / facilities), i % 97, null, null);
    }

    @Override
    public void run() {
        MqttClient client = null;
        try {
            client = new MqttClient(url, "gw-" + UUID.randomUUID(), new MemoryPersistence());
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                OccupancyReading r = reading(i, facilities, base);
                MqttMessage m = new MqttMessage(ReadingCodec.encode(r));
                m.setQos(1);
                publishUntilAccepted(client, topics.occupancy(r.facilityId()), m);
                accepted.incrementAndGet();
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                if (client != null && client.isConnected()) {
                    client.disconnect();
                }
            } catch (MqttException ignored) {
                // done anyway
            }
        }
    }

    private void publishUntilAccepted(MqttClient client, String topic, MqttMessage m) throws InterruptedException {
        while (true) {
            try {
                if (!client.isConnected()) {
                    MqttConnectOptions o = new MqttConnectOptions();
                    o.setCleanSession(true);
                    o.setConnectionTimeout(2);
                    client.connect(o);
                }
                client.publish(topic, m);
                return;
            } catch (MqttException e) {
                retries.incrementAndGet();
                Thread.sleep(100);
            }
        }
    }

    public int accepted() {
        return accepted.get();
    }

    public int retries() {
        return retries.get();
    }

    public Throwable failure() {
        return failure;
    }
}
