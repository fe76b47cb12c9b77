package de.parkleit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.testing.ChildProcess;
import de.parkleit.ingest.testing.GatewayPublisher;
import de.parkleit.ingest.testing.IngestProcessMain;
import de.parkleit.ingest.testing.MosquittoProcess;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import de.parkleit.platform.testing.TestBroker;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 20,000 QoS 1 readings through a private Mosquitto into embedded QuestDB, with ingest in a child
 * JVM, while (a) the store is unreachable for 30 s, (b) ingest is killed with SIGKILL and restarted,
 * (c) the broker restarts. Every reading the broker accepted must be stored exactly once.
 */
class DeliveryGuaranteesIT {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGuaranteesIT.class);
    static final int READINGS = 20_000;
    static final int FACILITIES = 20;

    @TempDir
    Path tmp;
    MosquittoProcess broker;
    EmbeddedQuestDb db;
    QuestDbStore check;
    int dbPort;
    ChildProcess ingest;
    Topics topics;
    Instant base;
    String clientId;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(MosquittoProcess.available(), "needs /usr/sbin/mosquitto");
        broker = new MosquittoProcess(tmp.resolve("mosquitto"));
        broker.start();
        dbPort = TestBroker.freePort();
        db = EmbeddedQuestDb.start(tmp.resolve("questdb"), dbPort);
        check = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults());
        topics = new Topics(TestBroker.uniqueRoot());
        base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        clientId = "ingest-it-" + UUID.randomUUID().toString().substring(0, 8);
        startIngest();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (check != null) {
            check.close();
        }
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void startIngest() throws Exception {
        ingest = ChildProcess.start(IngestProcessMain.class, tmp.resolve("ingest.log"), "READY", 60_000,
                broker.url(), "http://127.0.0.1:" + dbPort, tmp.resolve("spool").toString(), topics.root(), clientId,
                Integer.toString(FACILITIES));
    }

    private Thread publish(GatewayPublisher p) {
        Thread t = new Thread(p, "gateway");
        t.start();
        return t;
    }

    private long stored() {
        Instant to = base.plusSeconds(READINGS / FACILITIES);
        long n = 0;
        for (int f = 1; f <= FACILITIES; f++) {
            n += check.countOccupancy("P" + f, base, to);
        }
        return n;
    }

    /**
     * Waits for the publisher, then until every reading is stored; checks exactly once per facility and
     * logs the recovery time: from the end of the fault ({@code faultEnd}, nanoTime) until the last
     * reading was stored, and how much of that the publisher was still sending.
     */
    private void assertEveryAcceptedReadingStoredOnce(GatewayPublisher p, Thread t, String fault, long faultEnd) throws Exception {
        t.join(120_000);
        long published = System.nanoTime();
        assertThat(p.failure()).isNull();
        assertThat(p.accepted()).isEqualTo(READINGS);
        long deadline = published + TimeUnit.SECONDS.toNanos(90);
        long n = 0;
        while ((n = stored()) < READINGS && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        long storedAt = System.nanoTime();
        if (n < READINGS) {
            throw new AssertionError("stored " + n + " of " + READINGS + "; ingest log:\n" + ingest.tail()
                    + "\nbroker log:\n" + broker.logTail());
        }
        LOG.info("recovery: {}: {} of {} readings stored exactly once {} ms after the fault ended; the publisher finished {} ms after it "
                        + "ended, the last reading was stored {} ms after that", fault, n, READINGS, (storedAt - faultEnd) / 1_000_000,
                (published - faultEnd) / 1_000_000, (storedAt - published) / 1_000_000);
        Thread.sleep(2_000);
        assertThat(stored()).isEqualTo(READINGS);
        for (int f = 1; f <= FACILITIES; f++) {
            assertThat(check.countOccupancy("P" + f, base, base.plusSeconds(READINGS / FACILITIES)))
                    .as("rows of P%d", f).isEqualTo(READINGS / FACILITIES);
        }
    }

    @Test
    void storeUnreachableFor30Seconds() throws Exception {
        GatewayPublisher p = new GatewayPublisher(broker.url(), topics, FACILITIES, READINGS, 500, base);
        Thread t = publish(p);
        Thread.sleep(3_000);
        check.close();
        check = null;
        db.close();
        db = null;
        Thread.sleep(30_000);
        db = EmbeddedQuestDb.start(tmp.resolve("questdb"), dbPort);
        check = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults());
        assertEveryAcceptedReadingStoredOnce(p, t, "store down for 30 s", System.nanoTime());
        assertThat(ingest.tail()).contains("spooling");
    }

    @Test
    void ingestKilledWithSigkillAndRestarted() throws Exception {
        GatewayPublisher p = new GatewayPublisher(broker.url(), topics, FACILITIES, READINGS, 2_000, base);
        Thread t = publish(p);
        Thread.sleep(4_000);
        ingest.kill();
        Thread.sleep(2_000);
        startIngest();
        assertEveryAcceptedReadingStoredOnce(p, t, "ingest SIGKILLed, restarted 2 s later", System.nanoTime());
    }

    @Test
    void brokerRestarted() throws Exception {
        GatewayPublisher p = new GatewayPublisher(broker.url(), topics, FACILITIES, READINGS, 2_000, base);
        Thread t = publish(p);
        Thread.sleep(4_000);
        broker.stop();
        Thread.sleep(2_000);
        broker.start();
        assertEveryAcceptedReadingStoredOnce(p, t, "broker stopped for 2 s and restarted", System.nanoTime());
        assertThat(p.retries()).isPositive();
    }
}
