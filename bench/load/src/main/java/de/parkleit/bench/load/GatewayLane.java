package de.parkleit.bench.load;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateways of one event loop: connects them (a few at a time), then publishes their QoS 1 readings
 * paced by a 10 ms timer on that loop. The gateways publish in turn, each cycling through its sensors; a
 * sensor's occupancy flips every {@code changeEvery} of its readings (1: every reading changes its
 * space's state; more: the readings between repeat it, heartbeats). A reading counts as acknowledged
 * when its PUBACK arrives.
 */
final class GatewayLane extends VerticleBase {
    private static final int CONNECTING_AT_ONCE = 25;

    private final String host;
    private final int port;
    private final List<int[]> sensorsPerGateway;
    private final String[] facilityOfSensor;
    private final String root;
    private final int changeEvery;
    private final String clientPrefix;
    private final double ratePerSecond;
    private final PublishStats stats;
    private final List<Gateway> gateways = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closing;
    private long startNanos;
    private long endNanos;
    private long readings;
    private long timer = -1;

    /**
     * @param sensorsPerGateway the sensor numbers behind each gateway of this lane
     * @param facilityOfSensor  the facility of every sensor number
     * @param changeEvery       a sensor's value changes every this many of its readings (1: every reading changes;
     *                          more: the ones between are heartbeats that repeat the value)
     */
    GatewayLane(String host, int port, String root, List<int[]> sensorsPerGateway, String[] facilityOfSensor, int changeEvery,
                String clientPrefix, double ratePerSecond, PublishStats stats) {
        this.host = host;
        this.port = port;
        this.root = root;
        this.sensorsPerGateway = sensorsPerGateway;
        this.facilityOfSensor = facilityOfSensor;
        this.changeEvery = Math.max(1, changeEvery);
        this.clientPrefix = clientPrefix;
        this.ratePerSecond = ratePerSecond;
        this.stats = stats;
    }

    @Override
    public Future<?> start() {
        Promise<Void> done = Promise.promise();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger connected = new AtomicInteger();
        for (int i = 0; i < Math.min(CONNECTING_AT_ONCE, sensorsPerGateway.size()); i++) {
            connectNext(next, connected, done);
        }
        if (sensorsPerGateway.isEmpty()) {
            done.complete();
        }
        return done.future();
    }

    private void connectNext(AtomicInteger next, AtomicInteger connected, Promise<Void> done) {
        int i = next.getAndIncrement();
        if (i >= sensorsPerGateway.size()) {
            return;
        }
        MqttClientOptions o = new MqttClientOptions()
                .setClientId(clientPrefix + i + "-" + Long.toHexString(System.nanoTime()))
                .setCleanSession(true)
                .setMaxInflightQueue(Gateway.MAX_INFLIGHT);
        o.setConnectTimeout(30_000);
        MqttClient client = MqttClient.create(vertx, o);
        Gateway g = new Gateway(client, sensorsPerGateway.get(i));
        client.publishCompletionHandler(id -> acknowledged(g, id));
        client.closeHandler(v -> {
            if (!closing) {
                stats.disconnects.incrementAndGet(); // the broker or the network closed it, not us
            }
        });
        client.connect(port, host).onComplete(r -> {
            if (r.failed()) {
                done.tryFail(r.cause());
                return;
            }
            gateways.add(g);
            if (connected.incrementAndGet() == sensorsPerGateway.size()) {
                done.tryComplete();
            } else {
                connectNext(next, connected, done);
            }
        });
    }

    private void acknowledged(Gateway g, int packetId) {
        long t0 = g.acknowledged(packetId);
        stats.acked.incrementAndGet();
        if (g.wasChange(packetId)) {
            stats.ackedChanges.incrementAndGet();
        }
        if (t0 == 0) {
            stats.unmatchedAcks.incrementAndGet();
        } else {
            stats.ackLatency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
        }
    }

    /** Publishes from {@code start} to {@code end} (System.nanoTime()) on this lane's event loop. */
    void startPublishing(long start, long end) {
        context.runOnContext(v -> {
            startNanos = start;
            endNanos = end;
            running = true;
            timer = vertx.setPeriodic(10, id -> tick());
        });
    }

    void stopPublishing() {
        running = false;
        context.runOnContext(v -> vertx.cancelTimer(timer));
    }

    /**
     * Publishes what is due by now; a late timer catches up, so the rate holds on average, but at most 50 ms
     * worth of readings per tick, so that a long stall (the machine did not run this thread) does not keep the
     * loop from reading PUBACKs for seconds. A lane that cannot keep up sends less, and the report shows it.
     */
    private void tick() {
        if (!running || gateways.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long due = (long) ((Math.min(now, endNanos) - startNanos) / 1e9 * ratePerSecond);
        long limit = readings + Math.max(1, (long) (ratePerSecond / 20));
        while (readings < due && readings < limit && running) {
            long n = readings++;
            Gateway g = gateways.get((int) (n % gateways.size()));
            long k = g.published++;
            int sensor = g.sensors[(int) (k % g.sensors.length)];
            long round = k / g.sensors.length; // the how-many-th reading of this sensor
            boolean occupied = (round / changeEvery) % 2 == 0;
            boolean change = round % changeEvery == 0;
            String topic = root + "/parking/" + facilityOfSensor[sensor] + "/spaces/s" + sensor;
            publish(g, topic, change,
                    Buffer.buffer(("{\"ts\":\"" + Instant.now() + "\",\"occupied\":" + occupied + "}").getBytes(StandardCharsets.UTF_8)));
        }
        if (now >= endNanos) { // what is still due is not sent: the report shows the shortfall
            running = false;
            vertx.cancelTimer(timer);
        }
    }

    private void publish(Gateway g, String topic, boolean change, Buffer payload) {
        long t0 = System.nanoTime();
        stats.sent.incrementAndGet(); // every attempt: each ends as a PUBACK or an error
        try {
            g.client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, false).onComplete(r -> {
                if (r.succeeded()) {
                    g.published(r.result(), t0, change);
                } else {
                    stats.errors.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            stats.errors.incrementAndGet(); // not connected: the client has no connection to write to
        }
    }

    Future<Void> disconnect() {
        if (context == null) {
            return Future.succeededFuture(); // never deployed
        }
        closing = true;
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> Future.join(gateways.stream().map(g -> g.client.isConnected() ? g.client.disconnect() : Future.<Void>succeededFuture()).toList())
                .onComplete(r -> done.complete()));
        return done.future();
    }
}
