package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.testing.TestBroker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store (an external QuestDB, {@code PARKLEIT_QUESTDB_URL}) goes away and the disk spool is
 * limited to 1 MiB (30,000 readings need about 1.5 MB of spool): once the spool is full, ingest
 * stops acknowledging (Mosquitto holds the backlog: its message store, read from
 * {@code $SYS/broker/store/messages/count} by a test-only user, grows) and {@code /health/ready}
 * says so; when the store returns, every reading is stored once and the broker's backlog drains.
 */
class SpoolFullIT {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFullIT.class);
    static final int PER_FACILITY = 1_500;

    SecuredServeNode fx;
    EmbeddedQuestDb db;
    int dbPort;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredServeNode.available(), "needs /usr/sbin/mosquitto and openssl");
        fx = SecuredServeNode.brokerWithSysReader("spoolfull", Duration.ofHours(2));
        dbPort = TestBroker.freePort();
        db = EmbeddedQuestDb.start(fx.dir().resolve("questdb"), dbPort);
        fx.startNode(fx.broker().url(), env -> {
            env.put("PARKLEIT_QUESTDB_URL", db.httpUrl());
            env.put("PARKLEIT_INGEST_SPOOL_MAX_MB", "1");
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Mosquitto publishes {@code $SYS} every {@code sys_interval} (10 s by default, the shipped config keeps it). */
    static final String STORED = "$SYS/broker/store/messages/count";
    static final Duration SYS_INTERVAL = Duration.ofSeconds(10);

    @Test
    void aFullSpoolStopsAcknowledgingSaysSoAndLosesNothing() throws Exception {
        AtomicLong brokerStored = new AtomicLong(-1);
        AtomicInteger samples = new AtomicInteger();
        MqttClient sys = fx.sysReader();
        sys.subscribe(STORED, 0, (topic, msg) -> {
            brokerStored.set(Long.parseLong(new String(msg.getPayload(), StandardCharsets.US_ASCII).trim()));
            samples.incrementAndGet();
        });
        long baseline = awaitSys(brokerStored, v -> v >= 0);
        db.close();
        MqttAsyncClient gw = fx.asyncGateway();
        int total = fx.facilities().size() * PER_FACILITY;
        String readyWhenFull = null;
        int publishedWhenFull = -1;
        IMqttDeliveryToken last = null;
        int n = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : fx.facilities()) {
                last = gw.publish(SecuredServeNode.TOPICS.occupancy(f), fx.reading(f, i), 1, false);
                if (++n % 500 == 0) {
                    last.waitForCompletion(30_000);
                }
            }
            if (readyWhenFull == null && i % 50 == 49) {
                HttpResponse<String> ready = fx.get("/health/ready");
                if (ready.statusCode() == 503 && ready.body().contains("\"ingest-spool\":\"DOWN")) {
                    readyWhenFull = ready.body();
                    publishedWhenFull = n;
                }
            }
        }
        last.waitForCompletion(30_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (readyWhenFull == null && System.nanoTime() < deadline) {
            HttpResponse<String> ready = fx.get("/health/ready");
            if (ready.statusCode() == 503 && ready.body().contains("\"ingest-spool\":\"DOWN")) {
                readyWhenFull = ready.body();
                publishedWhenFull = n;
            }
            Thread.sleep(200);
        }
        String metrics = fx.get("/metrics").body();
        String spoolBytes = metrics.lines().filter(l -> l.startsWith("parkleit_ingest_spool_bytes")).findFirst().orElse("none");
        LOG.info("spool full: /health/ready answered 503 after {} of {} readings were published: {}; {}", publishedWhenFull, total,
                readyWhenFull, spoolBytes);
        assertThat(readyWhenFull).as("/health/ready reports the full spool").isNotNull();
        assertThat(metrics).contains("parkleit_ingest_spool_bytes");
        long storedAtFull = brokerStored.get();
        long publishedAfterFull = total - publishedWhenFull;
        int sampled = samples.get();
        awaitSys(brokerStored, v -> samples.get() > sampled); // a value taken after the last publish
        long whileFull = awaitSys(brokerStored, v -> v >= baseline + publishedAfterFull / 2);
        LOG.info("spool full, broker side: {} held {} messages before the test published, {} when /health/ready first said full "
                + "(up to {} s old), {} taken after the last publish ({} readings were published after the spool was reported full)",
                STORED, baseline, storedAtFull, SYS_INTERVAL.toSeconds(), whileFull, publishedAfterFull);

        long restart = System.nanoTime();
        db = EmbeddedQuestDb.start(fx.dir().resolve("questdb"), dbPort);
        long recovered = fx.awaitStored(PER_FACILITY, total, restart, Duration.ofSeconds(180));
        LOG.info("recovery: spool full, store back: {} of {} readings stored {} ms after the store restarted", total, total, recovered);
        long drained = awaitSys(brokerStored, v -> v < baseline + 1_000); // left: retained states and signs
        LOG.info("spool full, broker side: {} back to {} after the store returned", STORED, drained);
        sys.disconnect();
        assertThat(fx.rows(PER_FACILITY)).allSatisfy((f, rows) -> assertThat(rows).as(f).isEqualTo(PER_FACILITY));
        long readyAgain = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < readyAgain && (status = fx.get("/health/ready").statusCode()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("/health/ready after the store returned").isEqualTo(200);
        gw.disconnect().waitForCompletion(5_000);
    }

    /** The value of {@link #STORED} once it satisfies {@code condition}, waiting at most two {@code $SYS} periods for it. */
    private static long awaitSys(AtomicLong value, LongPredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + SYS_INTERVAL.multipliedBy(2).plusSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            long v = value.get();
            if (v >= 0 && condition.test(v)) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(STORED + " did not reach the expected value within " + SYS_INTERVAL.multipliedBy(2) + ": " + value.get());
    }
}
