package de.parkleit.bench.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.topic.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Reading to sign: a gateway publishes occupancy readings (each with a new free count) and a
 * watcher sees the facility state from ingest and the first sign frame that shows the new count.
 * In the same run a message on a topic nobody else uses goes through the broker to the same
 * watcher: the floor every hop pays.
 */
final class SignLatency {

    record Result(Samples readingToSign, Samples readingToState, Samples stateToSign, Samples broker, int missing) {
    }

    /** When reading {@code (facility, free)} was published, and when its state and first sign frame were seen. */
    private static final class Trace {
        final long published;
        volatile long state;
        volatile long sign;

        Trace(long published) {
            this.published = published;
        }
    }

    private final String brokerUrl;
    private final Topics topics;
    private final List<Facility> facilities;
    private final Map<String, Trace> traces = new ConcurrentHashMap<>();
    private final Map<String, Long> echoes = new ConcurrentHashMap<>();
    private final Samples broker = new Samples();

    SignLatency(String brokerUrl, Topics topics, List<Facility> facilities) {
        this.brokerUrl = brokerUrl;
        this.topics = topics;
        this.facilities = facilities;
    }

    Result run(int readings, double perSecond) throws Exception {
        MqttClient watcher = connect("bench-watch");
        MqttClient gateway = connect("bench-gw");
        String echoTopic = topics.root() + "/bench/echo";
        watcher.subscribe(new String[] {topics.signFilter(), topics.facilityStateFilter(), echoTopic}, new int[] {1, 1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::onSign, this::onState, this::onEcho});
        Thread.sleep(1_000);
        int[] counter = new int[facilities.size()];
        long periodNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < readings; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int fi = i % facilities.size();
            Facility f = facilities.get(fi);
            int span = Math.min(40, f.capacity() / 2);
            int free = f.capacity() / 4 + (counter[fi]++ % span);
            traces.put(f.id() + "/" + free, new Trace(System.nanoTime()));
            publish(gateway, topics.occupancy(f.id()), "{\"ts\":\"" + Instant.now() + "\",\"free\":" + free + "}");
            echoes.put(Integer.toString(i), System.nanoTime());
            publish(gateway, echoTopic, Integer.toString(i));
        }
        Thread.sleep(3_000);
        gateway.disconnect();
        watcher.disconnect();
        gateway.close();
        watcher.close();
        return result();
    }

    private Result result() {
        Samples total = new Samples();
        Samples toState = new Samples();
        Samples toSign = new Samples();
        int missing = 0;
        for (Trace t : traces.values()) {
            if (t.sign == 0) {
                missing++;
                continue;
            }
            total.add(t.sign - t.published);
            if (t.state != 0) {
                toState.add(t.state - t.published);
                toSign.add(t.sign - t.state);
            }
        }
        return new Result(total, toState, toSign, broker, missing);
    }

    private void onSign(String topic, MqttMessage m) {
        long now = System.nanoTime();
        JsonArray lines = new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8)).getJsonArray("lines");
        for (Object o : lines) {
            JsonObject l = (JsonObject) o;
            Integer free = l.getInteger("free");
            Trace t = free == null ? null : traces.get(l.getString("facility") + "/" + free);
            if (t != null && t.sign == 0) {
                t.sign = now;
            }
        }
    }

    private void onState(String topic, MqttMessage m) {
        long now = System.nanoTime();
        JsonObject s = new JsonObject(new String(m.getPayload(), StandardCharsets.UTF_8));
        Integer free = s.getInteger("free");
        Trace t = free == null ? null : traces.get(s.getString("id") + "/" + free);
        if (t != null && t.state == 0) {
            t.state = now;
        }
    }

    private void onEcho(String topic, MqttMessage m) {
        Long sent = echoes.remove(new String(m.getPayload(), StandardCharsets.UTF_8));
        if (sent != null) {
            broker.add(System.nanoTime() - sent);
        }
    }

    private MqttClient connect(String name) throws Exception {
        MqttClient c = new MqttClient(brokerUrl, name + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, String topic, String payload) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        c.publish(topic, m);
    }
}
