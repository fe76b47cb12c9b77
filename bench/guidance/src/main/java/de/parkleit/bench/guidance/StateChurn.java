package de.parkleit.bench.guidance;

import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Live state that keeps changing: every facility's retained state, one random step each, {@code perSecond} times a second. */
final class StateChurn implements AutoCloseable {

    private final MqttClient client;
    private final Topics topics;
    private final List<Facility> facilities;
    private final int[] free;
    private final Random random = new Random(7);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final AtomicLong published = new AtomicLong();

    StateChurn(String brokerUrl, Topics topics, List<Facility> facilities) throws MqttException {
        this.client = new MqttClient(brokerUrl, "bench-churn-" + System.nanoTime(), new MemoryPersistence());
        client.connect();
        this.topics = topics;
        this.facilities = facilities;
        this.free = facilities.stream().mapToInt(f -> f.capacity() / 2).toArray();
    }

    /** Publishes every facility once now (retained), then {@code perSecond} changes a second. */
    void start(double perSecond) throws MqttException {
        for (int i = 0; i < facilities.size(); i++) {
            publish(i);
        }
        long period = (long) (1e9 / perSecond);
        timer.scheduleAtFixedRate(this::step, period, period, TimeUnit.NANOSECONDS);
    }

    private void step() {
        int i = random.nextInt(facilities.size());
        int cap = facilities.get(i).capacity();
        free[i] = Math.max(cap / 5, Math.min(cap, free[i] + random.nextInt(7) - 3));
        try {
            publish(i);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(int i) throws MqttException {
        Facility f = facilities.get(i);
        FacilityState s = new FacilityState(f.id(), free[i], f.capacity(), FacilityStatus.OPEN, Trend.STEADY, Instant.now(), Set.of());
        MqttMessage m = new MqttMessage(FacilityStateCodec.encode(s));
        m.setQos(1);
        m.setRetained(true);
        client.publish(topics.facilityState(f.id()), m);
        published.incrementAndGet();
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        client.disconnect();
        client.close();
    }
}
