package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.parkleit.platform.mqtt.MqttConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole node reaches a private Mosquitto (shipped secured config) only through {@link FaultProxy};
 * gateways publish directly. The node's connection is stalled for 20 s mid-stream, then reset with
 * a TCP RST mid-stream: every reading is stored exactly once and the recovery time is logged. A
 * second test stalls the link for 75 s, longer than the MQTT keep-alive lets either side wait,
 * while readings keep arriving at the broker.
 */
class NetworkFaultsIT {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaultsIT.class);
    static final int PER_FACILITY = 100;
    static final Duration LONG_STALL = Duration.ofSeconds(75);

    SecuredServeNode fx;
    FaultProxy proxy;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredServeNode.available(), "needs /usr/sbin/mosquitto and openssl");
        fx = SecuredServeNode.broker("faults", Duration.ofHours(1));
        String url = fx.broker().url();
        proxy = new FaultProxy(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        fx.startNode(proxy.url(), env -> { });
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aStalledAndThenAResetConnectionLoseNothingAndDoubleNothing() throws Exception {
        MqttClient gw = fx.gateway();
        int total = fx.facilities().size() * PER_FACILITY;

        long faultEnd = publishRound(gw, 0, () -> {
            proxy.stall(true);
            Thread.sleep(20_000);
            proxy.stall(false);
        });
        long lastPublish = System.nanoTime();
        long recoveredStall = fx.awaitStored(3 * PER_FACILITY, total, faultEnd, Duration.ofSeconds(120));
        LOG.info("recovery: 20 s stall of the broker link mid-stream, {} readings stored exactly once {} ms after the stall ended ({} ms after the last publish)",
                total, recoveredStall, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(fx.rows(3 * PER_FACILITY)).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(PER_FACILITY));

        faultEnd = publishRound(gw, PER_FACILITY, proxy::reset);
        lastPublish = System.nanoTime();
        long recoveredReset = fx.awaitStored(3 * PER_FACILITY, 2L * total, faultEnd, Duration.ofSeconds(120));
        LOG.info("recovery: TCP reset of the broker link mid-stream, {} readings stored exactly once {} ms after the reset ({} ms after the last publish)",
                2 * total, recoveredReset, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(fx.rows(3 * PER_FACILITY)).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(2 * PER_FACILITY));
        gw.disconnect();
    }

    /**
     * The node's MQTT keep-alive is 30 s: Paho pings after 30 s without traffic and gives the link up
     * when no answer came one keep-alive later (so 30-60 s into a stall), Mosquitto drops a client it
     * heard nothing from for 1.5 keep-alives (45 s). A 45 s stall is a race between the stall's end
     * and both timeouts; 75 s is past both, so the node's connections are really lost and re-made.
     * Readings arrive at the broker at about 100/s before, during and after the stall.
     */
    @Test
    void aStallLongerThanTheKeepAliveMakesTheNodeReconnectAndLosesNothing() throws Exception {
        int facilities = fx.facilities().size();
        MqttClient gw = fx.gateway();
        AtomicInteger steps = new AtomicInteger();
        AtomicLong lastPublish = new AtomicLong();
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicBoolean failed = new AtomicBoolean();
        Thread publisher = new Thread(() -> {
            try {
                while (publishing.get()) {
                    int i = steps.get();
                    for (String f : fx.facilities()) {
                        gw.publish(SecuredServeNode.TOPICS.occupancy(f), fx.reading(f, i), 1, false);
                    }
                    lastPublish.set(System.nanoTime());
                    steps.incrementAndGet();
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                failed.set(true);
                LOG.error("publisher failed", e);
            }
        }, "long-stall-publisher");
        publisher.start();
        Thread.sleep(10_000);
        ListAppender<ILoggingEvent> mqttLog = new ListAppender<>();
        ch.qos.logback.classic.Logger mqttLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(MqttConnection.class);
        mqttLog.start();
        mqttLogger.addAppender(mqttLog);
        long stallStartMillis = System.currentTimeMillis();
        proxy.stall(true);
        int atStallStart = steps.get();
        Thread.sleep(LONG_STALL.toMillis());
        proxy.stall(false);
        long stallEnd = System.nanoTime();
        int atStallEnd = steps.get();
        long backlog = fx.awaitStored(atStallEnd, (long) atStallEnd * facilities, stallEnd, Duration.ofSeconds(120));
        Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - stallEnd) / 1_000_000));
        publishing.set(false);
        publisher.join(30_000);
        assertThat(failed).as("every reading acknowledged by the broker").isFalse();
        int total = steps.get();
        long all = fx.awaitStored(total, (long) total * facilities, stallEnd, Duration.ofSeconds(120));
        long afterLast = (System.nanoTime() - lastPublish.get()) / 1_000_000;
        long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < settle && count(mqttLog, " reconnected to ") < count(mqttLog, " lost: ")) {
            Thread.sleep(200); // every lost connection of the node (ingest, guidance, dashboard, ...) comes back
        }
        mqttLogger.detachAppender(mqttLog);
        List<String> lost = List.copyOf(mqttLog.list).stream().filter(e -> e.getFormattedMessage().contains(" lost: "))
                .map(e -> (e.getTimeStamp() - stallStartMillis) / 1000 + " s: " + e.getFormattedMessage().replaceFirst(".* lost: ", "")).toList();
        long reconnects = count(mqttLog, " reconnected to ");
        LOG.info("recovery: {} s stall of the broker link (keep-alive 30 s), {} readings published during it at about 100/s; "
                        + "the {} readings published until the stall ended stored exactly once {} ms after it ended; all {} stored {} ms "
                        + "after it ended ({} ms after the last publish); connections lost (seconds into the stall: cause) {}, reconnected {}",
                LONG_STALL.toSeconds(), (atStallEnd - atStallStart) * facilities, atStallEnd * facilities, backlog, total * facilities,
                all, afterLast, lost, reconnects);
        assertThat(lost).as("the node noticed the dead link").isNotEmpty();
        assertThat(reconnects).as("the node's connections were made again after the stall").isEqualTo(lost.size());
        Thread.sleep(2_000);
        assertThat(fx.rows(total)).as("rows per facility: each reading exactly once")
                .allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(total));
        gw.disconnect();
    }

    private static long count(ListAppender<ILoggingEvent> log, String part) {
        synchronized (log) { // AppenderBase.doAppend appends under the appender's lock
            return log.list.stream().filter(e -> e.getFormattedMessage().contains(part)).count();
        }
    }

    interface Fault {
        void inject() throws Exception;
    }

    /** Publishes one reading per facility per step (about 200/s); injects the fault after a quarter; returns when the fault ended. */
    private long publishRound(MqttClient gw, int offset, Fault fault) throws Exception {
        long faultEnd = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : fx.facilities()) {
                gw.publish(SecuredServeNode.TOPICS.occupancy(f), fx.reading(f, offset + i), 1, false);
            }
            Thread.sleep(100);
            if (i == PER_FACILITY / 4) {
                fault.inject();
                faultEnd = System.nanoTime();
            }
        }
        return faultEnd;
    }
}
