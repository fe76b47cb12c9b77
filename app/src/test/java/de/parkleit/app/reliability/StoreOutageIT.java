package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store is unreachable for 60 s while readings keep arriving: a whole node writes to an external
 * embedded QuestDB only through {@link FaultProxy}, which stops forwarding in both directions for 60 s
 * (a black hole, as on a dead route: requests hang until the store client's timeout, no connection is
 * refused). Gateways keep publishing QoS 1 readings through the private Mosquitto (shipped secured
 * config) before, during and after the outage. Every reading the broker acknowledged is stored exactly
 * once; the live state stays current during the outage; the recovery times are logged.
 */
class StoreOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutageIT.class);
    static final int STEPS_BEFORE = 50;
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final int STEPS_AFTER = 50;
    static final long STEP_MS = 100;

    SecuredServeNode fx;
    EmbeddedQuestDb db;
    FaultProxy storeLink;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredServeNode.available(), "needs /usr/sbin/mosquitto and openssl");
        fx = SecuredServeNode.broker("storeoutage", Duration.ofHours(3));
        db = EmbeddedQuestDb.start(fx.dir().resolve("questdb"), TestBroker.freePort());
        storeLink = new FaultProxy(db.httpPort());
        fx.startNode(fx.broker().url(), env -> env.put("PARKLEIT_QUESTDB_URL", "http://127.0.0.1:" + storeLink.port()));
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (storeLink != null) {
            storeLink.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void storeUnreachableFor60SecondsWhileReadingsKeepArriving() throws Exception {
        MqttClient gw = fx.gateway();
        int step = 0;
        for (; step < STEPS_BEFORE; step++) {
            publishStep(gw, step);
        }
        storeLink.stall(true);
        long outageStart = System.nanoTime();
        long outageEnd = outageStart + OUTAGE.toNanos();
        long maxLiveLagMs = 0;
        int liveChecks = 0;
        while (System.nanoTime() < outageEnd) {
            publishStep(gw, step++);
            if (step % 50 == 0) {
                maxLiveLagMs = Math.max(maxLiveLagMs, liveLagMs(step - 1));
                liveChecks++;
            }
        }
        int stepsAtReturn = step;
        double outageRate = (double) fx.facilities().size() * (stepsAtReturn - STEPS_BEFORE) / OUTAGE.toSeconds();
        String readyDuring = fx.get("/health/ready").body();
        storeLink.stall(false);
        long storeBack = System.nanoTime();
        for (int i = 0; i < STEPS_AFTER; i++) {
            publishStep(gw, step++);
        }
        long lastPublish = System.nanoTime();
        int steps = step;
        int perFacility = steps;
        long total = (long) fx.facilities().size() * steps;

        long backlogMs = fx.awaitStored(stepsAtReturn, (long) fx.facilities().size() * stepsAtReturn, storeBack, Duration.ofSeconds(90));
        long allMs = fx.awaitStored(steps, total, lastPublish, Duration.ofSeconds(60));
        long liveAfterMs = liveLagMs(steps - 1);
        LOG.info("recovery: store unreachable (black hole) for {} s while {} readings/s arrived: {} readings, all acknowledged by the broker, "
                        + "stored exactly once; the {} readings published until the store came back all stored {} ms after it came back; the last reading stored {} ms "
                        + "after it was published; live state current during the outage (largest lag over {} checks: {} ms) and after it ({} ms); "
                        + "/health/ready during the outage: {}",
                OUTAGE.toSeconds(), Math.round(outageRate), total,
                (long) fx.facilities().size() * stepsAtReturn, backlogMs, allMs, liveChecks, maxLiveLagMs, liveAfterMs, readyDuring);
        assertThat(fx.rows(steps)).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(perFacility));
        Thread.sleep(2_000);
        assertThat(fx.stored(steps)).as("nothing doubled by late replays").isEqualTo(total);
        assertThat(maxLiveLagMs).as("live state lag during the outage").isLessThan(10_000);
        String metrics = fx.get("/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds", "parkleit_vertx_blocked_threads_total");
        gw.disconnect();
    }

    /** One reading per facility, then a pause: at most 200 readings/s (each publish waits for the broker's PUBACK). */
    private void publishStep(MqttClient gw, int step) throws Exception {
        for (String f : fx.facilities()) {
            gw.publish(SecuredServeNode.TOPICS.occupancy(f), fx.reading(f, step), 1, false);
        }
        Thread.sleep(STEP_MS);
    }

    /** Milliseconds until {@code GET /api/v1/facilities/{id}} shows step {@code step} for every facility (at most 20 s). */
    private long liveLagMs(int step) throws InterruptedException {
        Instant want = fx.at(step);
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(20).toNanos();
        for (String f : fx.facilities()) {
            while (true) {
                String updated = new JsonObject(fx.get("/api/v1/facilities/" + f).body()).getString("updatedAt");
                if (updated != null && !Instant.parse(updated).isBefore(want)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    return Duration.ofSeconds(20).toMillis();
                }
                Thread.sleep(20);
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
