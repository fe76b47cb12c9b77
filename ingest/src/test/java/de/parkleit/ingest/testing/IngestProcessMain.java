package de.parkleit.ingest.testing;

import de.parkleit.ingest.IngestConfig;
import de.parkleit.ingest.IngestVerticle;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.questdb.QuestDbStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs ingest as a separate process for tests that kill it: {@code IngestProcessMain mqttUrl questdbUrl spoolDir root
 * clientId facilities}. Prints {@code READY} once subscribed.
 */
public final class IngestProcessMain {

    private IngestProcessMain() {
    }

    private static long count(SimpleMeterRegistry r, String name) {
        return (long) r.get(name).counter().count();
    }

    public static void main(String[] args) throws Exception {
        String mqttUrl = args[0];
        String questdbUrl = args[1];
        Path spool = Path.of(args[2]);
        String root = args[3];
        String clientId = args[4];
        int facilities = Integer.parseInt(args[5]);
        Vertx vertx = Vertx.vertx();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QuestDbStore store = QuestDbStore.open(questdbUrl, StoreOptions.defaults());
        IngestConfig cfg = IngestConfig.defaults(root, spool).withStateInterval(Duration.ofMillis(200));
        vertx.deployVerticle(new IngestVerticle(cfg, new MqttSettings(mqttUrl, clientId, false, null, null),
                TestCities.small(facilities), store, registry, new Health())).await(60, TimeUnit.SECONDS);
        System.out.println("READY");
        vertx.setPeriodic(5_000, id -> System.out.println("status: accepted=" + count(registry, "parkleit.ingest.accepted")
                + " stored=" + count(registry, "parkleit.ingest.stored") + " spooled=" + count(registry, "parkleit.ingest.spooled")
                + " replayed=" + count(registry, "parkleit.ingest.replayed") + " pending="
                + registry.get("parkleit.ingest.pending").gauge().value()));
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
            store.close();
        }));
    }
}
