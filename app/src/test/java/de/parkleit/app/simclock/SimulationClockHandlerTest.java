package de.parkleit.app.simclock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.http.Problems;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationClockHandlerTest {

    static final Instant T0 = Instant.parse("2026-11-28T11:00:00Z");

    Vertx vertx;
    HttpServer server;
    TestHttp http;
    SimulationClock clock = new SimulationClock(T0);
    Map<String, Instant> guidanceStates = new ConcurrentHashMap<>();

    @BeforeEach
    void up() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new SimulationClockHandler(clock, id -> id.startsWith("P") ? Optional.ofNullable(guidanceStates.get(id)) : null)
                .mount(router);
        Problems.install(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        http = new TestHttp(server.actualPort());
    }

    @AfterEach
    void down() {
        vertx.close().await();
    }

    HttpResponse<String> put(String body) {
        return http.send(http.request(SimulationClockHandler.PATH).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void setsTheClockAndTellsIt() {
        HttpResponse<String> r = put("{\"now\":\"2026-11-28T11:05:00Z\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
        assertThat(new JsonObject(http.get(SimulationClockHandler.PATH).body()).getString("now")).isEqualTo("2026-11-28T11:05:00Z");
    }

    @Test
    void answersOnlyOnceGuidanceHasTheStates() throws Exception {
        var pending = vertx.executeBlocking(() -> put("{\"now\":\"2026-11-28T11:01:00Z\",\"states\":{\"P1\":\"2026-11-28T11:00:59.5Z\"}}"));
        Thread.sleep(200);
        assertThat(pending.isComplete()).as("answered before guidance had the state").isFalse();
        guidanceStates.put("P1", Instant.parse("2026-11-28T11:00:59.5Z"));
        assertThat(pending.await().statusCode()).isEqualTo(200);
    }

    @Test
    void neverBackwardsAndBadInputIsAProblem() {
        clock.set(T0.plusSeconds(60));
        HttpResponse<String> back = put("{\"now\":\"2026-11-28T11:00:30Z\"}");
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(back.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
        assertThat(put("{\"now\":\"noon\"}").statusCode()).isEqualTo(400);
        assertThat(put("[1]").statusCode()).isEqualTo(400);
        assertThat(put("{\"now\":\"2026-11-28T11:02:00Z\",\"states\":{\"nope\":\"2026-11-28T11:00:00Z\"}}").statusCode())
                .isEqualTo(400);
        assertThatThrownBy(() -> clock.set(T0)).isInstanceOf(SimulationClock.BackwardsException.class);
    }
}
