package de.parkleit.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.simulator.driver.Drive;
import de.parkleit.simulator.driver.Position;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpAdaptersTest {

    static Vertx vertx;
    static HttpServer server;
    static String base;
    static final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            queries.add(req.uri());
            String to = req.getParam("to");
            if (req.path().equals("/api/v1/route") && to.startsWith("0.")) {
                req.response().setStatusCode(422).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"outside-network\",\"status\":422}");
            } else if (req.path().equals("/api/v1/route")) {
                req.response().putHeader("Content-Type", "application/geo+json").end("""
                        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[8.69,49.40],[8.70,49.41]]},
                         "properties":{"distance":1234.5,"duration":150.2,"optimize":"time","trafficVersion":0}}""");
            } else if (req.path().equals("/api/v1/guidance") && to.startsWith("49.2")) {
                req.response().end("{\"recommended\":\"x\",\"results\":[{\"rank\":1,\"facility\":{\"id\":\"x\",\"name\":\"X\"}},"
                        + "{\"rank\":2,\"facility\":{\"id\":\"y\"}}]}");
            } else if (req.path().equals("/api/v1/guidance") && to.startsWith("49.1")) {
                req.response().end("[{\"facility\":{\"id\":\"b\"}},{\"facilityId\":\"c\"}]");
            } else if (req.path().equals("/api/v1/guidance")) {
                req.response().end("{\"recommendations\":[{\"facilityId\":\"a\",\"score\":1},{\"facilityId\":\"b\"}]}");
            } else {
                req.response().setStatusCode(500).end("boom");
            }
        }).listen(0).await();
        base = "http://127.0.0.1:" + server.actualPort() + "/";
    }

    @AfterAll
    static void down() {
        vertx.close().await();
    }

    @Test
    void readsRoutesFromGeoJsonAndTreats422AsNoRoute() {
        HttpTravelTimes t = new HttpTravelTimes(base);
        Optional<Drive> leg = t.route(new Position(49.4, 8.69), new Position(49.41, 8.7));
        assertThat(leg).isPresent();
        assertThat(leg.get().meters()).isEqualTo(1234.5);
        assertThat(leg.get().seconds()).isEqualTo(150.2);
        assertThat(leg.get().points()).containsExactly(new Position(49.40, 8.69), new Position(49.41, 8.70));
        assertThat(queries).anyMatch(q -> q.equals("/api/v1/route?from=49.400000,8.690000&to=49.410000,8.700000"));
        assertThat(t.route(new Position(49.4, 8.69), new Position(0.5, 0.5))).isEmpty();
    }

    @Test
    void readsRankedFacilityIdsFromGuidance() {
        HttpGuidanceClient g = new HttpGuidanceClient(base);
        assertThat(g.recommend(new Position(49.4, 8.69), new Position(49.41, 8.7), Instant.now())).containsExactly("a", "b");
        assertThat(g.recommend(new Position(49.4, 8.69), new Position(49.1, 8.7), Instant.now())).containsExactly("b", "c");
        assertThat(g.recommend(new Position(49.4, 8.69), new Position(49.2, 8.7), Instant.now())).as("the routing module's answer")
                .containsExactly("x", "y");
    }

    @Test
    void serverErrorsAreFailuresNamingTheUrl() {
        assertThatThrownBy(() -> new HttpJson().get(base + "other")).hasMessageContaining("500").hasMessageContaining("/other");
    }
}
