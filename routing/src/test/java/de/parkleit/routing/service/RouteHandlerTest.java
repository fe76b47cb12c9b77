package de.parkleit.routing.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.http.Problems;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.TestNetworks;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouteHandlerTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static WorkerExecutor workers;

    record Reply(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @BeforeAll
    static void start() {
        RoadNetwork net = TestNetworks.heidelbergCar();
        vertx = Vertx.vertx();
        workers = vertx.createSharedWorkerExecutor("parkleit-routing-test", 2);
        Router router = Router.router(vertx);
        Problems.install(router);
        new RouteHandler(workers, net).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static final java.net.http.HttpClient JDK = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();

    /** Plain JDK client: the Vert.x client of the test's own Vert.x hung once in CI waiting for an answer. */
    private static Reply get(String uri) {
        try {
            java.net.http.HttpResponse<String> r = JDK.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.actualPort() + uri))
                    .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersARouteAsAGeoJsonLineString() {
        Reply r = get("/api/v1/route?from=49.4097,8.6918&to=49.4114,8.7080&optimize=time");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(RouteHandler.GEOJSON);
        JsonObject f = r.json();
        assertThat(f.getString("type")).isEqualTo("Feature");
        JsonObject geometry = f.getJsonObject("geometry");
        assertThat(geometry.getString("type")).isEqualTo("LineString");
        JsonArray coords = geometry.getJsonArray("coordinates");
        assertThat(coords.size()).isGreaterThan(2);
        assertThat(coords.getJsonArray(0).getDouble(0)).as("lon first").isBetween(8.68, 8.70);
        JsonObject props = f.getJsonObject("properties");
        assertThat(props.getDouble("distance")).isBetween(1100.0, 3000.0);
        assertThat(props.getDouble("duration")).isBetween(60.0, 600.0);
        assertThat(props.getString("optimize")).isEqualTo("time");
    }

    @Test
    void optimisesForDistanceOnRequest() {
        JsonObject time = get("/api/v1/route?from=49.4097,8.6918&to=49.4114,8.7080").json().getJsonObject("properties");
        JsonObject dist = get("/api/v1/route?from=49.4097,8.6918&to=49.4114,8.7080&optimize=distance").json()
                .getJsonObject("properties");
        assertThat(time.getString("optimize")).isEqualTo("time");
        assertThat(dist.getString("optimize")).isEqualTo("distance");
        assertThat(dist.getDouble("distance")).isLessThanOrEqualTo(time.getDouble("distance"));
    }

    @Test
    void answersAPointOutsideTheNetworkWithProblemJson() {
        Reply r = get("/api/v1/route?from=49.4875,8.4660&to=49.4114,8.7080");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().getString("type")).isEqualTo(Problems.TYPE_BASE + "outside-network");
        assertThat(r.json().getString("detail")).contains("from");
    }

    @Test
    void rejectsMalformedParametersWithProblemJson() {
        for (String query : new String[] {"to=49.41,8.70", "from=49.41&to=49.41,8.70", "from=abc,8.7&to=49.41,8.70",
                "from=91,8.7&to=49.41,8.70", "from=49.41,8.69&to=49.41,8.70&optimize=fun"}) {
            Reply r = get("/api/v1/route?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().getString("type")).as(query).isEqualTo(Problems.TYPE_BASE + "invalid-parameter");
        }
    }
}
