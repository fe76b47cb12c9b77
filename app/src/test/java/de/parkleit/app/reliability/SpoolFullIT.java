package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.testing.TestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
    static final Topics TOPICS = new Topics("parkleit/v1");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Path dir;
    SecuredMosquitto broker;
    EmbeddedQuestDb db;
    int dbPort;
    Node node;
    String password;
    List<String> facilities;
    Instant base;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredMosquitto.available() && TestCertificates.available(), "needs /usr/sbin/mosquitto and openssl");
        dir = Files.createTempDirectory("parkleit-spoolfull-");
        password = "pl-" + UUID.randomUUID();
        broker = SecuredMosquitto.start(dir.resolve("mosquitto"), Map.of("parkleit", password), TestCertificates.create(dir.resolve("tls")));
        dbPort = TestBroker.freePort();
        db = EmbeddedQuestDb.start(dir.resolve("questdb"), dbPort);
        Map<String, String> env = ReliabilityNodes.env(broker.url(), "parkleit/v1", "spool-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("PARKLEIT_MQTT_USERNAME", "parkleit");
        env.put("PARKLEIT_MQTT_PASSWORD", password);
        env.put("PARKLEIT_QUESTDB_URL", db.httpUrl());
        env.put("PARKLEIT_INGEST_SPOOL_MAX_MB", "1");
        node = ReliabilityNodes.start(env);
        facilities = node.city().facilities().stream().map(f -> f.id()).sorted().toList();
        base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {node, db, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aFullSpoolStopsAcknowledgingSaysSoAndLosesNothing() throws Exception {
        db.close();
        MqttAsyncClient gw = gateway();
        int total = facilities.size() * PER_FACILITY;
        String readyWhenFull = null;
        int publishedWhenFull = -1;
        IMqttDeliveryToken last = null;
        int n = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : facilities) {
                last = gw.publish(TOPICS.occupancy(f), ReadingCodec.encode(new OccupancyReading(f, base.plusSeconds(i), i % 50, null, null)), 1, false);
                if (++n % 500 == 0) {
                    last.waitForCompletion(30_000);
                }
            }
            if (readyWhenFull == null && i % 50 == 49) {
                HttpResponse<String> ready = get("/health/ready");
                if (ready.statusCode() == 503 && ready.body().contains("\"ingest-spool\":\"DOWN")) {
                    readyWhenFull = ready.body();
                    publishedWhenFull = n;
                }
            }
        }
        last.waitForCompletion(30_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (readyWhenFull == null && System.nanoTime() < deadline) {
            HttpResponse<String> ready = get("/health/ready");
            if (ready.statusCode() == 503 && ready.body().contains("\"ingest-spool\":\"DOWN")) {
                readyWhenFull = ready.body();
                publishedWhenFull = n;
            }
            Thread.sleep(200);
        }
        String metrics = get("/metrics").body();
        String spoolBytes = metrics.lines().filter(l -> l.startsWith("parkleit_ingest_spool_bytes")).findFirst().orElse("none");
        LOG.info("spool full: /health/ready answered 503 after {} of {} readings were published: {}; {}", publishedWhenFull, total,
                readyWhenFull, spoolBytes);
        assertThat(readyWhenFull).as("/health/ready reports the full spool").isNotNull();
        assertThat(metrics).contains("parkleit_ingest_spool_bytes");

        long restart = System.nanoTime();
        db = EmbeddedQuestDb.start(dir.resolve("questdb"), dbPort);
        long stored = 0;
        deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            stored = stored();
            if (stored >= total) {
                break;
            }
            Thread.sleep(500);
        }
        LOG.info("spool full: store back, {} of {} readings stored {} ms after the store restarted", stored, total,
                (System.nanoTime() - restart) / 1_000_000);
        assertThat(stored).isEqualTo(total);
        for (String f : facilities) {
            assertThat(node.store().countOccupancy(f, base, base.plusSeconds(PER_FACILITY))).as(f).isEqualTo(PER_FACILITY);
        }
        long readyAgain = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < readyAgain && (status = get("/health/ready").statusCode()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("/health/ready after the store returned").isEqualTo(200);
        gw.disconnect().waitForCompletion(5_000);
    }

    private long stored() {
        long sum = 0;
        for (String f : facilities) {
            sum += node.store().countOccupancy(f, base, base.plusSeconds(PER_FACILITY));
        }
        return sum;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private MqttAsyncClient gateway() throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.url(), "spool-gw-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setUserName("parkleit");
        o.setPassword(password.toCharArray());
        c.connect(o).waitForCompletion(10_000);
        return c;
    }
}
