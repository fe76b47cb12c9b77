package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.testing.TestBroker;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store (an external QuestDB, {@code PARKLEIT_QUESTDB_URL}) goes away and the disk spool is
 * limited to 1 MiB (30,000 readings need about 1.5 MB of spool): once the spool is full, ingest
 * stops acknowledging (Mosquitto holds the backlog) and {@code /health/ready} says so; when the
 * store returns, every reading is stored once.
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
        fx = SecuredServeNode.broker("spoolfull", Duration.ofHours(2));
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

    @Test
    void aFullSpoolStopsAcknowledgingSaysSoAndLosesNothing() throws Exception {
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

        long restart = System.nanoTime();
        db = EmbeddedQuestDb.start(fx.dir().resolve("questdb"), dbPort);
        long recovered = fx.awaitStored(PER_FACILITY, total, restart, Duration.ofSeconds(180));
        LOG.info("recovery: spool full, store back: {} of {} readings stored {} ms after the store restarted", total, total, recovered);
        assertThat(fx.rows(PER_FACILITY)).allSatisfy((f, rows) -> assertThat(rows).as(f).isEqualTo(PER_FACILITY));
        long readyAgain = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < readyAgain && (status = fx.get("/health/ready").statusCode()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("/health/ready after the store returned").isEqualTo(200);
        gw.disconnect().waitForCompletion(5_000);
    }
}
