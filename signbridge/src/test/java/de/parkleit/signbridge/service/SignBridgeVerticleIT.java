package de.parkleit.signbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.signbridge.Frames;
import de.parkleit.simulator.signs.ControllerFault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign bridge on the test broker, driving the simulated controller over http-json: frames round
 * trip to the controller and come back as acks; an expiring or stale frame and each controller fault
 * (down, slow 5 s, 500, wrong echo) end as the documented safe text or fault, with the time to the
 * safe text measured and within the frame's validity.
 */
class SignBridgeVerticleIT {

    private static final Logger LOG = LoggerFactory.getLogger(SignBridgeVerticleIT.class);
    private static TestBroker broker;
    private BridgeFixture fx;

    @BeforeAll
    static void broker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void bridge(@TempDir Path dir) throws Exception {
        fx = new BridgeFixture(broker.url(), dir, TestBroker.freePort());
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private static List<String> dash(SignFrame f) {
        return f.lines().stream().map(l -> l.name() + " —").toList();
    }

    @Test
    void aFrameRoundTripsToTheControllerAndComesBackAsAck() throws Exception {
        SignFrame f = Frames.frame("s-http", 123, Instant.now(), 60);
        fx.publish(f);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.display.displayed("s-http").filter(f::equals).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.lastAck("s-http") != null && f.ts().equals(fx.lastAck("s-http").decidedTs()));
        SignAck a = fx.lastAck("s-http");
        assertThat(a.driver()).isEqualTo("http-json");
        assertThat(a.displayed()).isEqualTo(SignAck.linesOf(f));
        assertThat(a.fault()).isNull();
        assertThat(a.safe()).isNull();
        SignFrame logged = Frames.frame("s-log", 5, Instant.now(), 60);
        fx.publish(logged);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.lastAck("s-log") != null && logged.ts().equals(fx.lastAck("s-log").decidedTs()));
        assertThat(fx.lastAck("s-log").displayed()).isEqualTo(SignAck.linesOf(logged));
    }

    @Test
    void anExpiringFrameTurnsToTheSafeTextWithinItsValidityAndBack() throws Exception {
        SignFrame f = Frames.frame("s-http", 40, Instant.now(), 4);
        fx.publish(f);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.display.displayed("s-http").filter(f::equals).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.display.displayed("s-http")
                .map(d -> SignAck.linesOf(d).equals(dash(f))).orElse(false));
        Instant safeAt = fx.display.since("s-http").orElseThrow();
        LOG.info("frame valid until {}: safe text shown {} ms before", f.validUntil(), Duration.between(safeAt, f.validUntil()).toMillis());
        assertThat(safeAt).isBefore(f.validUntil());
        await().atMost(Duration.ofSeconds(5)).until(() -> "expired".equals(fx.lastAck("s-http").safe()));
        SignFrame back = Frames.frame("s-http", 39, Instant.now(), 60);
        fx.publish(back);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.display.displayed("s-http").filter(back::equals).isPresent());
    }

    @Test
    void aStaleFrameIsNeverShownOnlyItsSafeText() throws Exception {
        SignFrame old = Frames.frame("s-http", 99, Instant.now().minus(Duration.ofMinutes(2)), 3600);
        fx.publish(old);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-http") != null && "stale".equals(fx.lastAck("s-http").safe()));
        assertThat(SignAck.linesOf(fx.display.displayed("s-http").orElseThrow())).isEqualTo(dash(old));
    }

    @Test
    void controllerDownSlowErrorAndWrongEchoAreFaultsInTheAckAndRaiseTheAlert() throws Exception {
        fx.publish(Frames.frame("s-down", 1, Instant.now(), 60));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-down") != null);
        assertThat(fx.lastAck("s-down").fault()).startsWith("unreachable");
        assertThat(fx.lastAck("s-down").displayed()).isNull();
        await().atMost(Duration.ofSeconds(8)).until(() -> fx.gauge("parkleit.signbridge.unacknowledged") >= 1);

        fx.display.fault("s-http", ControllerFault.SLOW);
        fx.display.slowDelay(Duration.ofSeconds(5));
        fx.publish(Frames.frame("s-http", 2, Instant.now(), 60));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-http") != null && fx.lastAck("s-http").fault() != null);
        assertThat(fx.lastAck("s-http").fault()).startsWith("timeout");

        fx.display.fault("s-http", ControllerFault.ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-http").fault().startsWith("http_500"));

        fx.display.fault("s-http", ControllerFault.WRONG_ECHO);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-http").fault().startsWith("wrong_echo"));
        assertThat(fx.lastAck("s-http").displayed()).isEmpty();

        fx.display.fault("s-http", ControllerFault.NONE);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-http").fault() == null);
        assertThat(fx.registry.get("parkleit.signbridge.shows").tag("outcome", "fault").counter().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void signsWithoutAFrameShowBlankAfterTheSettle() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.lastAck("s-log") != null);
        assertThat(fx.lastAck("s-log").safe()).isEqualTo("no_frame");
        assertThat(fx.lastAck("s-log").displayed()).isEmpty();
    }

    @Test
    void aFrameTurningStaleGoesToTheSafeTextBeforeItsDataAreTooOldMeasured() throws Exception {
        Duration maxAge = BridgeFixture.FAST.maxFrameAge();
        Instant ts = Instant.now().minus(maxAge).plusSeconds(3);
        SignFrame f = Frames.frame("s-http", 17, ts, 3600);
        fx.publish(f);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.display.displayed("s-http").filter(f::equals).isPresent());
        await().atMost(Duration.ofSeconds(8)).until(() -> fx.display.displayed("s-http")
                .map(d -> SignAck.linesOf(d).equals(dash(f))).orElse(false));
        Instant safeAt = fx.display.since("s-http").orElseThrow();
        Instant tooOld = ts.plus(maxAge);
        LOG.info("data too old at {}: safe text shown {} ms before (safe margin {})", tooOld,
                Duration.between(safeAt, tooOld).toMillis(), BridgeFixture.FAST.safeMargin());
        assertThat(safeAt).isBefore(tooOld).isAfterOrEqualTo(tooOld.minus(BridgeFixture.FAST.safeMargin()).minusMillis(50));
        assertThat(safeAt).isBefore(f.validUntil());
        await().atMost(Duration.ofSeconds(5)).until(() -> "stale".equals(fx.lastAck("s-http").safe()));
        SignFrame back = Frames.frame("s-http", 16, Instant.now(), 60);
        fx.publish(back);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.display.displayed("s-http").filter(back::equals).isPresent());
    }

    @Test
    void aBurstOfFramesIsShownAtMostOncePerSecondAndTheNewestWins() throws Exception {
        Instant t0 = Instant.now();
        SignFrame last = null;
        for (int i = 0; i < 20; i++) {
            last = Frames.frame("s-http", 100 + i, t0.plusMillis(50L * i), 60);
            fx.publish(last);
            Thread.sleep(50); // a burst spread over a second, as a flapping count would publish it
        }
        SignFrame newest = last;
        await().atMost(Duration.ofSeconds(5)).until(() -> fx.display.displayed("s-http").filter(newest::equals).isPresent());
        List<Instant> at = fx.shows.stream().filter(e -> e.getKey().equals("s-http")).map(e -> e.getValue().since()).toList();
        LOG.info("20 frames in 1 s: {} shows on the controller at {}", at.size(), at);
        assertThat(at.size()).isBetween(2, 3);
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).as("gap between shows").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void theVmsPublicationListsEverySignWithWhatItsControllerReports() throws Exception {
        SignFrame f = Frames.frame("s-http", 8, Instant.now(), 60);
        fx.publish(f);
        fx.publish(Frames.frame("s-down", 8, Instant.now(), 60));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.lastAck("s-http") != null && f.ts().equals(fx.lastAck("s-http").decidedTs())
                && fx.lastAck("s-down") != null && fx.lastAck("s-log") != null);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + fx.bridge.httpPort() + "/signbridge/datex2/vms")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/xml"));
        de.parkleit.signbridge.VmsXsd.validate(r.body());
        assertThat(r.body().split("<vms:vmsControllerStatus>", -1)).hasSize(4);
        assertThat(r.body()).contains("id=\"s-http\"", "id=\"s-down\"", "id=\"s-log\"", "P1 Poststraße 8 ←", "unreachable: ");
    }
}
