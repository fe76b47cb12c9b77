package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.ControllerFault;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The http-json driver against the simulated sign controller of the simulator (a real HTTP server
 * on a free loopback port): passes the contract (the frame round trip: what the controller keeps is
 * what was sent), and each fault of the controller becomes the documented reason.
 */
class HttpJsonDriverTest extends SignDriverContract {

    private static final String TOKEN = "s3cret";
    private static Vertx vertx;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ControllerDisplay display;
    private SignControllerServer controller;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected SignDriver newDriver() throws Exception {
        display = new ControllerDisplay(Clock.systemUTC());
        controller = new SignControllerServer(vertx, display, TOKEN);
        int port = controller.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return driver(port, Duration.ofSeconds(2), 2, "Bearer " + TOKEN);
    }

    private HttpJsonDriver driver(int port, Duration timeout, int retries, String auth) {
        return new HttpJsonDriver(SIGN, new HttpJsonDriver.HttpJsonSpec("http://127.0.0.1:" + port + "/signs/{sign}", "PUT", auth,
                timeout, retries), HTTP, Clock.systemUTC());
    }

    @AfterEach
    void stopController() throws Exception {
        controller.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected List<String> displayedOutside() {
        return SignAck.linesOf(display.displayed(SIGN).orElseThrow());
    }

    @Override
    protected String kind() {
        return "http-json";
    }

    @Test
    void roundTripKeepsTheWholeFrameOnTheController() throws Exception {
        driver.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SignFrame f = Frames.frame(SIGN, 77, Instant.now(), 120);
        await(driver.show(f));
        assertThat(display.displayed(SIGN)).contains(f);
    }

    @Test
    void controllerErrorIsRetriedThenReportedAsHttp500() throws Exception {
        driver.connect();
        display.fault(SIGN, ControllerFault.ERROR);
        assertThatThrownBy(() -> await(driver.show(Frames.frame(SIGN, 1, Instant.now(), 120))))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(SignDriverException.of(e.getCause()).reason()).isEqualTo("http_500"));
        assertThat(driver.status().lastFault()).startsWith("http_500");
        assertThat(display.displayed(SIGN)).isEmpty();
        display.fault(SIGN, ControllerFault.NONE);
        await(driver.show(Frames.frame(SIGN, 2, Instant.now(), 120)));
        assertThat(driver.status().lastFault()).isNull();
    }

    @Test
    void wrongEchoComesBackAsWhatTheControllerShows() throws Exception {
        driver.connect();
        display.fault(SIGN, ControllerFault.WRONG_ECHO);
        SignFrame f = Frames.frame(SIGN, 3, Instant.now(), 120);
        Displayed d = await(driver.show(f));
        assertThat(d.lines()).isEmpty();
        assertThat(SignAck.linesOf(f)).hasSize(3);
    }

    @Test
    void slowControllerTimesOutAfterTheTimeoutOfEachAttempt() throws Exception {
        display.fault(SIGN, ControllerFault.SLOW);
        display.slowDelay(Duration.ofSeconds(5));
        HttpJsonDriver d = driver(controller.port(), Duration.ofMillis(500), 1, "Bearer " + TOKEN);
        d.connect();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> await(d.show(Frames.frame(SIGN, 4, Instant.now(), 120))))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(SignDriverException.of(e.getCause()).reason()).isEqualTo("timeout"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("two attempts of 500 ms and a 200 ms pause, not the controller's 5 s").isBetween(1_000L, 4_000L);
        assertThat(d.status().connected()).isFalse();
        d.close();
    }

    @Test
    void controllerDownIsUnreachableAndWrongTokenIs401WithoutRetry() throws Exception {
        int port = TestBroker.freePort();
        HttpJsonDriver down = driver(port, Duration.ofSeconds(1), 1, null);
        down.connect();
        assertThatThrownBy(() -> await(down.show(Frames.frame(SIGN, 5, Instant.now(), 120))))
                .satisfies(e -> assertThat(SignDriverException.of(e.getCause()).reason()).isEqualTo("unreachable"));
        HttpJsonDriver wrong = driver(controller.port(), Duration.ofSeconds(1), 3, "Bearer guess");
        wrong.connect();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> await(wrong.show(Frames.frame(SIGN, 5, Instant.now(), 120))))
                .satisfies(e -> assertThat(SignDriverException.of(e.getCause()).reason()).isEqualTo("http_401"));
        assertThat((System.nanoTime() - t0) / 1_000_000).as("a 4xx is not retried").isLessThan(600);
        down.close();
        wrong.close();
    }

    @Test
    void specRejectsBadSettings() {
        assertThatThrownBy(() -> new HttpJsonDriver.HttpJsonSpec("ftp://x", "PUT", null, Duration.ofSeconds(1), 1))
                .hasMessageContaining("driverUrl");
        assertThatThrownBy(() -> new HttpJsonDriver.HttpJsonSpec("http://x/", "GET", null, Duration.ofSeconds(1), 1))
                .hasMessageContaining("driverMethod");
        assertThatThrownBy(() -> new HttpJsonDriver.HttpJsonSpec("http://x/", "PUT", null, Duration.ZERO, 1))
                .hasMessageContaining("driverTimeoutMs");
        assertThatThrownBy(() -> new HttpJsonDriver.HttpJsonSpec("http://x/", "PUT", null, Duration.ofSeconds(1), 11))
                .hasMessageContaining("driverRetries");
    }
}
