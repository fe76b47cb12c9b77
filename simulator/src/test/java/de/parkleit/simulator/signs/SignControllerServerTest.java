package de.parkleit.simulator.signs;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated sign controller over http-json, as the sign bridge and the demo use it: it keeps and
 * echoes what it displays, blanks after the validity, needs its token, and fails as told.
 */
class SignControllerServerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Vertx vertx;
    private ControllerDisplay display;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        display = new ControllerDisplay(Clock.systemUTC());
        port = new SignControllerServer(vertx, display, "tok").start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SignFrame frame(String id, int free, long validSeconds) {
        Instant now = Instant.now();
        return new SignFrame(id, "Bismarckplatz", 49.41, 8.69, 40,
                List.of(new SignLine("p1", "P1 Poststraße", LineState.FREE, free, Integer.toString(free), Arrow.LEFT)),
                now, now.plusSeconds(validSeconds));
    }

    private HttpResponse<byte[]> put(String id, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signs/" + id))
                .timeout(Duration.ofSeconds(5)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signs/" + id)).header("Authorization", "Bearer tok")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void keepsAndEchoesTheFrameAndBlanksItAfterItsValidity() throws Exception {
        assertThat(get("s1").statusCode()).isEqualTo(404);
        SignFrame f = frame("s1", 12, 1);
        HttpResponse<byte[]> r = put("s1", SignFrameCodec.encode(f), "tok");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SignFrameCodec.decode("s1", r.body())).isEqualTo(f);
        assertThat(SignFrameCodec.decode("s1", get("s1").body())).isEqualTo(f);
        assertThat(display.since("s1")).isPresent();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> SignFrameCodec.decode("s1", get("s1").body()).lines().isEmpty());
    }

    @Test
    void refusesAMissingTokenAndABadFrameWithProblemJson() throws Exception {
        HttpResponse<byte[]> r = put("s1", SignFrameCodec.encode(frame("s1", 1, 60)), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("problem+json"));
        assertThat(put("s1", "{\"sign\":".getBytes(), "tok").statusCode()).isEqualTo(400);
        assertThat(put("s2", SignFrameCodec.encode(frame("s1", 1, 60)), "tok").statusCode()).as("frame of another sign").isEqualTo(400);
        assertThat(display.displayed("s1")).isEmpty();
    }

    @Test
    void failsAsToldPerSignOrForAll() throws Exception {
        SignFrame first = frame("s1", 5, 60);
        put("s1", SignFrameCodec.encode(first), "tok");
        display.fault("s1", ControllerFault.ERROR);
        assertThat(put("s1", SignFrameCodec.encode(frame("s1", 6, 60)), "tok").statusCode()).isEqualTo(500);
        assertThat(display.displayed("s1")).as("keeps what it displayed").contains(first);

        display.fault("s1", ControllerFault.WRONG_ECHO);
        HttpResponse<byte[]> echo = put("s1", SignFrameCodec.encode(frame("s1", 7, 60)), "tok");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(SignFrameCodec.decode("s1", echo.body()).lines()).isEmpty();

        display.fault("s1", ControllerFault.NONE);
        display.faultAll(ControllerFault.SLOW);
        display.slowDelay(Duration.ofMillis(600));
        long t0 = System.nanoTime();
        SignFrame slow = frame("s9", 8, 60);
        assertThat(put("s9", SignFrameCodec.encode(slow), "tok").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(550);
        assertThat(display.displayed("s9")).as("a slow controller displays at once, answers late").contains(slow);
        long t1 = System.nanoTime();
        assertThat(put("s1", SignFrameCodec.encode(frame("s1", 9, 60)), "tok").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t1) / 1_000_000).as("s1 has its own fault, NONE").isLessThan(550);
        assertThat(display.faultOf("s1")).as("its own fault (NONE) wins over the fault of all").isEqualTo(ControllerFault.NONE);
        assertThat(display.faultOf("s9")).isEqualTo(ControllerFault.SLOW);
    }
}
