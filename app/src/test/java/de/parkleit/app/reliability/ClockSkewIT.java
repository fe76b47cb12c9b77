package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateways with wrong clocks and replaying gateways, against a whole node (private Mosquitto with
 * the shipped secured config, {@link SecuredServeNode}): a reading 10 minutes in the future is
 * dead-lettered and counted, one from 30 days ago goes into the history without touching the live
 * state, one from 2005 is dead-lettered, an exact duplicate is stored once, and an older reading
 * arriving after a newer one is stored while the live state keeps the newer.
 */
class ClockSkewIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClockSkewIT.class);

    SecuredServeNode fx;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredServeNode.available(), "needs /usr/sbin/mosquitto and openssl");
        fx = SecuredServeNode.broker("clock", Duration.ofMinutes(10));
        fx.startNode(fx.broker().url(), env -> { });
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void futurePastDuplicateAndOutOfOrderReadingsAreRejectedOrStoredAndLeaveTheNewestLive() throws Exception {
        String facility = fx.facilities().get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant newest = now.minusSeconds(50);
        Instant older = now.minusSeconds(120);
        Instant future = now.plus(Duration.ofMinutes(10));
        Instant farPast = now.minus(Duration.ofDays(30));
        Instant beforeEarliest = Instant.parse("2005-06-01T12:00:00Z");

        List<String> deadLetters = new CopyOnWriteArrayList<>();
        MqttClient watcher = fx.gateway();
        watcher.subscribe(SecuredServeNode.TOPICS.deadLetterFilter(), 1,
                (topic, msg) -> deadLetters.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8)));
        MqttClient gw = fx.gateway();

        byte[] newestReading = reading(facility, newest, 21);
        publish(gw, facility, newestReading);
        awaitLive(facility, newest, 21);
        double acceptedBefore = metric("parkleit_ingest_accepted_total");

        publish(gw, facility, reading(facility, future, 3));
        publish(gw, facility, reading(facility, farPast, 5));
        publish(gw, facility, reading(facility, beforeEarliest, 7));
        publish(gw, facility, newestReading);
        publish(gw, facility, reading(facility, older, 33));

        await("dead letters for the future and the 2005 reading", () -> deadLetters.size() >= 2, Duration.ofSeconds(30));
        await("the past, duplicate and out-of-order readings stored", () -> rows(facility, farPast) == 1 && rows(facility, older) == 1,
                Duration.ofSeconds(60));
        Thread.sleep(2_000); // a late double would show up by now
        JsonObject live = facilityState(facility);
        String metrics = fx.get("/metrics").body();
        double accepted = metric("parkleit_ingest_accepted_total") - acceptedBefore;
        LOG.info("clock skew: accepted {} of 5 after the first, dead letters {}, rows future/30 days ago/2005/newest/older {}/{}/{}/{}/{}, live {}",
                accepted, deadLetters, rows(facility, future), rows(facility, farPast),
                rows(facility, beforeEarliest), rows(facility, newest), rows(facility, older), live.encode());

        assertThat(accepted).as("accepted by ingest: the past, the duplicate (the store keeps it once) and the out-of-order reading")
                .isEqualTo(3.0);
        assertThat(deadLetters).as("dead letters").hasSize(2);
        assertThat(deadLetters).anySatisfy(d -> assertThat(d).startsWith("parkleit/v1/deadletter/future_timestamp ")
                .contains("\"topic\":\"" + SecuredServeNode.TOPICS.occupancy(facility) + "\""));
        assertThat(deadLetters).anySatisfy(d -> assertThat(d).startsWith("parkleit/v1/deadletter/bad_timestamp "));
        assertThat(counter(metrics, "parkleit_ingest_rejected_total", "future_timestamp")).as("future readings counted").isEqualTo(1.0);
        assertThat(counter(metrics, "parkleit_ingest_rejected_total", "bad_timestamp")).as("readings before 2010 counted").isEqualTo(1.0);

        assertThat(rows(facility, future)).as("the future reading is not stored").isZero();
        assertThat(rows(facility, beforeEarliest)).as("the 2005 reading is not stored").isZero();
        assertThat(rows(facility, farPast)).as("the reading of 30 days ago is in the history").isEqualTo(1);
        assertThat(rows(facility, newest)).as("the duplicate is stored once").isEqualTo(1);
        assertThat(rows(facility, older)).as("the out-of-order reading is in the history").isEqualTo(1);

        assertThat(live.getString("updatedAt")).as("live state keeps the newest reading").isEqualTo(newest.toString());
        assertThat(live.getInteger("free")).isEqualTo(21);
        gw.disconnect();
        watcher.disconnect();
    }

    private static byte[] reading(String facility, Instant ts, int free) {
        return ReadingCodec.encode(new OccupancyReading(facility, ts, free, null, null));
    }

    private static void publish(MqttClient gw, String facility, byte[] payload) throws Exception {
        gw.publish(SecuredServeNode.TOPICS.occupancy(facility), payload, 1, false);
    }

    /** Rows of {@code facility} with exactly the timestamp {@code ts}. */
    private long rows(String facility, Instant ts) {
        return fx.node().store().countOccupancy(facility, ts, ts.plusMillis(1));
    }

    private JsonObject facilityState(String facility) {
        HttpResponse<String> r = fx.get("/api/v1/facilities/" + facility);
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private void awaitLive(String facility, Instant ts, int free) throws InterruptedException {
        await("live state " + free + " at " + ts, () -> {
            JsonObject s = facilityState(facility);
            return ts.toString().equals(s.getString("updatedAt")) && Integer.valueOf(free).equals(s.getInteger("free"));
        }, Duration.ofSeconds(30));
    }

    private static void await(String what, BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what);
    }

    private double metric(String name) {
        return fx.get("/metrics").body().lines().filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The value of {@code name{...reason="reason"...}}, 0 if absent. */
    private static double counter(String metrics, String name, String reason) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
