package de.parkleit.bench.ingest;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Simulated gateways: occupancy readings of {@code facilities} facilities, reading {@code i} for
 * facility {@code F(i % facilities)} at {@code base + i / facilities} seconds, so every reading is a
 * distinct row. One Paho async client, at most {@value #WINDOW} publishes unconfirmed.
 */
final class LoadPublisher implements AutoCloseable {

    static final int WINDOW = 2_000;
    private final MqttAsyncClient client;
    private final Semaphore window = new Semaphore(WINDOW);
    private volatile Throwable failure;

    LoadPublisher(String url) throws MqttException {
        client = new MqttAsyncClient(url, "bench-gw-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(WINDOW * 2);
        client.connect(o).waitForCompletion(10_000);
    }

    static String facility(int i, int facilities) {
        return "F" + (i % facilities);
    }

    static String senmlTopic(Topics topics, int publisher) {
        return topics.root() + "/senml/gw" + publisher;
    }

    /** Messages a flood sends: the readings {@code i < n} split over {@code step} publishers by {@code i % step}, {@code pack} per message. */
    static long messages(int n, int step, int pack) {
        long m = 0;
        for (int p = 0; p < step; p++) {
            long mine = n > p ? (n - p + step - 1L) / step : 0;
            m += (mine + pack - 1) / pack;
        }
        return m;
    }

    static OccupancyReading reading(int i, int facilities, Instant base) {
        return new OccupancyReading(facility(i, facilities), base.plusSeconds(i / facilities), i % 100, null, null);
    }

    /** Publishes {@code n} readings as fast as the window allows; returns the seconds until the last was confirmed. */
    double flood(Topics topics, int n, int facilities, Instant base, int qos) throws Exception {
        return flood(topics, n, facilities, base, qos, 0, 1);
    }

    /** Publishes the readings {@code first, first + step, …} below {@code n}: this publisher's share of a flood. */
    double flood(Topics topics, int n, int facilities, Instant base, int qos, int first, int step) throws Exception {
        return flood(topics, n, facilities, base, qos, first, step, 1);
    }

    /**
     * Like {@link #flood(Topics, int, int, Instant, int, int, int)}, with {@code pack} readings per message:
     * 1 sends each reading as a native v1 occupancy message, more sends SenML packs of {@code pack}
     * consecutive readings of this share (the last pack may be smaller) on {@code {root}/senml/gw{first}}.
     */
    double flood(Topics topics, int n, int facilities, Instant base, int qos, int first, int step, int pack) throws Exception {
        long t0 = System.nanoTime();
        if (pack <= 1) {
            for (int i = first; i < n; i += step) {
                OccupancyReading r = reading(i, facilities, base);
                send(topics.occupancy(r.facilityId()), ReadingCodec.encode(r), qos);
            }
        } else {
            String topic = senmlTopic(topics, first);
            SenmlPack p = new SenmlPack();
            for (int i = first; i < n; i += step) {
                p.add(reading(i, facilities, base));
                if (p.size() == pack) {
                    send(topic, p.take(), qos);
                }
            }
            if (p.size() > 0) {
                send(topic, p.take(), qos);
            }
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
        if (failure != null) {
            throw new IllegalStateException("publish failed", failure);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Publishes at {@code perSecond} for {@code seconds} with ts = now; {@code onSend} gets each index just before sending. */
    void paced(Topics topics, int perSecond, int seconds, int facilities, IntConsumer beforeSend, ReadingAt at) throws Exception {
        long t0 = System.nanoTime();
        int n = perSecond * seconds;
        for (int i = 0; i < n; i++) {
            long due = t0 + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            beforeSend.accept(i);
            OccupancyReading r = at.reading(i);
            send(topics.occupancy(r.facilityId()), ReadingCodec.encode(r), 1);
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
    }

    /** Publishes one payload (within the window) and waits until every publish so far is confirmed when {@code last}. */
    void publishOne(String topic, byte[] payload, int qos, boolean last) throws Exception {
        send(topic, payload, qos);
        if (last) {
            window.acquire(WINDOW);
            window.release(WINDOW);
        }
    }

    /** The reading to send as number {@code i}. */
    interface ReadingAt {
        OccupancyReading reading(int i);
    }

    private void send(String topic, byte[] payload, int qos) throws InterruptedException, MqttException {
        window.acquire();
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        while (true) {
            try {
                publish(topic, m);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(1); // Paho frees its in-flight slot a moment after the confirmation callback
            }
        }
    }

    private void publish(String topic, MqttMessage m) throws MqttException {
        client.publish(topic, m, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure = e;
                window.release();
            }
        });
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
