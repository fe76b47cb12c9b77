package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A feed integration test's world: a local HTTP(S) server (port 0) serving one real payload with an
 * ETag, a city folder whose {@code feeds.properties} points at it, and a {@link Mode#SERVE} node on
 * that city against the test broker.
 */
final class FeedNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Vertx vertx = Vertx.vertx();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    final TestBroker broker;
    final Path city;
    Node node;
    private HttpServer server;

    private FeedNode(Path city) {
        this.broker = TestBroker.start();
        this.city = city;
    }

    /** A payload from the feeds module's test resources (the real files, see feeds/src/test/resources/feeds/README.md). */
    static byte[] fixture(String name) throws Exception {
        try (InputStream in = FeedNode.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * @param facilities  the city's facilities.geojson
     * @param feeds       feeds.properties, given the payload's URL
     * @param extraEnv    more PARKLEIT_* variables for the node
     */
    static FeedNode start(String facilities, byte[] payload, String path, HttpServerOptions serverOptions,
                          Function<String, String> feeds, Map<String, String> extraEnv) throws Exception {
        Path city = Files.createTempDirectory("parkleit-feed-city-");
        FeedNode f = new FeedNode(city);
        try {
            f.serve(payload, path, serverOptions);
            String scheme = serverOptions.isSsl() ? "https" : "http";
            Files.writeString(city.resolve("city.properties"), "name=FeedCity\nfacilities=facilities.geojson\ntimezone=Europe/Berlin\n");
            Files.writeString(city.resolve("facilities.geojson"), facilities);
            Files.writeString(city.resolve(NodeFeeds.FILE),
                    feeds.apply(scheme + "://" + (serverOptions.isSsl() ? "localhost" : "127.0.0.1") + ":" + f.server.actualPort() + path));
            String root = TestBroker.uniqueRoot();
            Map<String, String> env = NodeFixture.env(f.broker.url(), root);
            env.put("PARKLEIT_CITY", city.toString());
            if (!f.broker.supportsSharedSubscriptions()) {
                env.put("PARKLEIT_INGEST_SHARE_GROUP", "none");
            }
            env.putAll(extraEnv);
            f.node = NodeFixture.start(env, Mode.SERVE);
            return f;
        } catch (Exception | Error e) {
            f.close();
            throw e;
        }
    }

    private void serve(byte[] payload, String path, HttpServerOptions options) throws Exception {
        String etag = "\"" + java.util.Arrays.hashCode(payload) + "\"";
        server = vertx.createHttpServer(options).requestHandler(req -> {
            requests.incrementAndGet();
            if (!req.path().equals(path)) {
                req.response().setStatusCode(404).end();
            } else if (etag.equals(req.getHeader("If-None-Match"))) {
                notModified.incrementAndGet();
                req.response().setStatusCode(304).end();
            } else {
                req.response().putHeader("ETag", etag).end(Buffer.buffer(payload));
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** GET on the node's HTTP API; the status must be 200. */
    JsonObject get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** Every facility of {@code GET /api/v1/facilities}, by id (one request: the public API is rate limited). */
    Map<String, JsonObject> facilities() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/facilities"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, JsonObject> out = new java.util.HashMap<>();
        for (Object o : new io.vertx.core.json.JsonArray(r.body())) {
            out.put(((JsonObject) o).getString("id"), (JsonObject) o);
        }
        return out;
    }

    /** The per-source details of {@code /health/ready}. */
    JsonObject feedHealth(String feed) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonObject details = new JsonObject(r.body()).getJsonObject("details");
        assertThat(details).as(r.body()).isNotNull();
        return details.getJsonObject("feed." + feed);
    }

    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
        broker.close();
        vertx.close().await();
    }
}
