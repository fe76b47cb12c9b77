package de.parkleit.feeds.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.topic.Topics;
import de.parkleit.feeds.FeedFormat;
import de.parkleit.feeds.FeedSource;
import de.parkleit.feeds.Reasons;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of issue 16 through the poller, between two good polls of the real Aachen status publication:
 * the bad poll is a counted reject with its reason, publishes nothing new, the previous state stays (nothing is
 * sent again), and the next good poll sends exactly the one site that changed, once.
 */
class HostilePollTest {

    private static final String P1_FREE = "<ns2:parkingNumberOfVacantSpaces>412</ns2:parkingNumberOfVacantSpaces>";
    private static final String P1_TIME = "<ns2:parkingStatusOriginTime>2025-02-07T19:05:34.176Z</ns2:parkingStatusOriginTime>";

    private Vertx vertx;
    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>();

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> req.response().end(Buffer.buffer(body.get())))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static String realtime() throws Exception {
        try (InputStream in = HostilePollTest.class.getResourceAsStream("/feeds/aachen-realtime.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static UnaryOperator<String> p1(String free, String time) {
        return x -> x.replace(P1_FREE, "<ns2:parkingNumberOfVacantSpaces>" + free + "</ns2:parkingNumberOfVacantSpaces>")
                .replace(P1_TIME, "<ns2:parkingStatusOriginTime>" + time + "</ns2:parkingStatusOriginTime>");
    }

    static Stream<Arguments> hostile() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d2LogicalModel [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"><x>&lol3;</x></d2LogicalModel>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d2LogicalModel [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"><x>&x;</x></d2LogicalModel>";
        return Stream.of(
                Arguments.of("malformed XML", (UnaryOperator<String>) x -> "<d2LogicalModel><a></b></d2LogicalModel>", Reasons.MALFORMED),
                Arguments.of("truncated body", (UnaryOperator<String>) x -> x.substring(0, x.length() / 2), Reasons.MALFORMED),
                Arguments.of("HTML error page with 200", (UnaryOperator<String>) x ->
                        "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>", Reasons.WRONG_FORMAT),
                Arguments.of("billion laughs", (UnaryOperator<String>) x -> bomb, Reasons.DTD),
                Arguments.of("external entity", (UnaryOperator<String>) x -> xxe, Reasons.DTD),
                Arguments.of("free > capacity", p1("600", "2025-02-07T19:06:00Z"), Reasons.FREE_ABOVE_CAPACITY),
                Arguments.of("negative count", p1("-5", "2025-02-07T19:06:00Z"), Reasons.NEGATIVE),
                Arguments.of("clock in the future", p1("400", "2025-02-07T23:00:00Z"), Reasons.FUTURE_TIME),
                Arguments.of("unknown id", (UnaryOperator<String>) x -> x.replace("id=\"P1\" targetClass", "id=\"P1X\" targetClass"),
                        Reasons.UNKNOWN_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aBadPollIsACountedRejectAndTheNextGoodOneGoesOn(String what, UnaryOperator<String> bad, String reason) throws Exception {
        String good = realtime();
        FeedSource src = new FeedSource("aachen", FeedFormat.DATEX2, "http://127.0.0.1:" + server.actualPort() + "/", null,
                Duration.ofHours(1), 1_000_000, Map.of("P1", "p1", "P2", "p2"), false, Duration.ofMinutes(5),
                null, null, null, null, null);
        List<String> sent = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        FeedPoller poller = new FeedPoller(vertx, src, new Topics("t/h"), (t, p) -> {
            sent.add(t + " " + new String(p, StandardCharsets.UTF_8));
            return Future.succeededFuture();
        }, reg, Clock.fixed(Instant.parse("2025-02-07T19:12:00Z"), ZoneOffset.UTC));

        body.set(good.getBytes(StandardCharsets.UTF_8));
        poller.poll().await(10, TimeUnit.SECONDS);
        assertThat(sent).hasSize(2);
        double before = count(reg, reason);

        String hostile = bad.apply(good);
        assertThat(hostile).as(what).isNotEqualTo(good);
        body.set(hostile.getBytes(StandardCharsets.UTF_8));
        poller.poll().await(10, TimeUnit.SECONDS);
        assertThat(count(reg, reason)).as(what + " counted as " + reason).isGreaterThan(before);
        assertThat(sent).as(what + ": nothing new, nothing again").hasSize(2);

        body.set(p1("411", "2025-02-07T19:07:00Z").apply(good).getBytes(StandardCharsets.UTF_8));
        poller.poll().await(10, TimeUnit.SECONDS);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2)).isEqualTo("t/h/parking/p1/occupancy "
                + "{\"ts\":\"2025-02-07T19:07:00Z\",\"free\":411,\"capacity\":560,\"status\":\"open\"}");
        assertThat(Arrays.asList(sent.get(0), sent.get(1))).noneMatch(s -> s.contains("\"free\":411"));
        poller.stop().await(5, TimeUnit.SECONDS);
    }

    private static double count(SimpleMeterRegistry reg, String reason) {
        var c = reg.find("parkleit.feed.rejects").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}
