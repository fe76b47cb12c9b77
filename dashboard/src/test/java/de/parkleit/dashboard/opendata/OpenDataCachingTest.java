package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.Sync;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Conditional GET on the open-data documents, on a server with the dashboard's compression setting:
 * {@code ETag} and {@code Last-Modified} on every answer, 304 for a current copy by either validator,
 * a new tag and date once the data change, gzip when asked for.
 */
class OpenDataCachingTest {

    static final List<String> JSON_DOCS = List.of("/parkapi.json", "/ppl.json", "/facilities.geojson");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        volatile Instant now = ExportCity.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    Vertx vertx;
    HttpServer server;
    WebClient web;
    MovingClock clock = new MovingClock();
    LiveBoard board;

    @BeforeEach
    void up() {
        vertx = Vertx.vertx();
        board = new LiveBoard(ExportCity.facilities(), clock);
        board.apply(new FacilityState("open", 150, 200, FacilityStatus.OPEN, Trend.FILLING, ExportCity.NOW.minusSeconds(30), Set.of()));
        Router router = Router.router(vertx);
        new OpenDataHandler(board, "Heidelberg", OpenDataLicence.defaults()).mount(router);
        server = Sync.await(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router).listen(0, "127.0.0.1"));
        web = WebClient.create(vertx);
    }

    @AfterEach
    void down() {
        web.close();
        Sync.await(vertx.close());
    }

    private HttpResponse<Buffer> get(String doc, Map<String, String> headers) {
        var req = web.get(server.actualPort(), "127.0.0.1", OpenDataHandler.BASE + doc);
        headers.forEach(req::putHeader);
        return Sync.await(req.send());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/parkapi.json", "/ppl.json", "/facilities.geojson"})
    void aCurrentCopyByEtagGets304AndChangedDataAFreshDocument(String doc) {
        HttpResponse<Buffer> first = get(doc, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(first.getHeader("Cache-Control")).contains("max-age=30");
        assertThat(first.getHeader("Link")).contains("rel=\"license\"");
        assertThat(get(doc, Map.of()).getHeader("ETag")).as("same data, same document").isEqualTo(etag);

        HttpResponse<Buffer> again = get(doc, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isNull();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(get(doc, Map.of("If-None-Match", "\"other\", " + etag.substring(2))).statusCode())
                .as("weak comparison in a list").isEqualTo(304);

        clock.now = ExportCity.NOW.plusSeconds(5);
        board.apply(new FacilityState("open", 149, 200, FacilityStatus.OPEN, Trend.FILLING, ExportCity.NOW.plusSeconds(4), Set.of()));
        HttpResponse<Buffer> changed = get(doc, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(changed.bodyAsString()).contains("149");
    }

    @Test
    void ifModifiedSinceGets304UntilTheDataChange() {
        HttpResponse<Buffer> first = get("/ppl.json", Map.of());
        String lastModified = first.getHeader("Last-Modified");
        assertThat(lastModified).isEqualTo("Thu, 26 Nov 2026 12:00:00 GMT");
        assertThat(get("/ppl.json", Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
        assertThat(get("/ppl.json", Map.of("If-Modified-Since", "Thu, 26 Nov 2026 11:59:59 GMT")).statusCode()).isEqualTo(200);
        assertThat(get("/ppl.json", Map.of("If-Modified-Since", "yesterday")).statusCode()).as("bad date ignored").isEqualTo(200);
        assertThat(get("/ppl.json", Map.of("If-Modified-Since", lastModified, "If-None-Match", "\"stale-tag\"")).statusCode())
                .as("If-None-Match wins over If-Modified-Since").isEqualTo(200);

        clock.now = ExportCity.NOW.plus(Duration.ofMinutes(2));
        board.apply(new FacilityState("full", 3, 100, FacilityStatus.OPEN, Trend.STEADY, clock.now, Set.of()));
        HttpResponse<Buffer> changed = get("/ppl.json", Map.of("If-Modified-Since", lastModified));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.getHeader("Last-Modified")).isEqualTo("Thu, 26 Nov 2026 12:02:00 GMT");
        assertThat(changed.bodyAsJsonObject().getJsonObject("parkingPublicationLight").getString("publicationTime"))
                .isEqualTo("2026-11-26T12:02:00Z");
    }

    @Test
    void anOperatorClosureEndingChangesTheDocumentWithoutAnAnnouncement() {
        board.applyOperation("open", new de.parkleit.core.operation.FacilityOperation("open", FacilityStatus.CLOSED, "Markt",
                ExportCity.NOW.plusSeconds(60), "alice", ExportCity.NOW));
        String during = get("/parkapi.json", Map.of()).getHeader("ETag");
        clock.now = ExportCity.NOW.plusSeconds(90);
        HttpResponse<Buffer> after = get("/parkapi.json", Map.of("If-Modified-Since", "Thu, 26 Nov 2026 12:00:30 GMT"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.getHeader("Last-Modified")).isEqualTo("Thu, 26 Nov 2026 12:01:00 GMT");
        assertThat(after.getHeader("ETag")).isNotEqualTo(during);
    }

    @Test
    void aChangeWithinTheSameSecondIsNotHiddenByTheBuiltDocument() {
        HttpResponse<Buffer> first = get("/parkapi.json", Map.of());
        board.apply(new FacilityState("full", 7, 100, FacilityStatus.OPEN, Trend.STEADY, ExportCity.NOW, Set.of()));
        HttpResponse<Buffer> second = get("/parkapi.json", Map.of("If-None-Match", first.getHeader("ETag")));
        assertThat(second.statusCode()).as("same second, new data").isEqualTo(200);
        assertThat(second.getHeader("Last-Modified")).isEqualTo(first.getHeader("Last-Modified"));
        assertThat(second.bodyAsJsonObject().getJsonArray("lots").getJsonObject(1).getInteger("free")).isEqualTo(7);
        assertThat(get("/parkapi.json", Map.of("If-None-Match", second.getHeader("ETag"))).statusCode()).isEqualTo(304);
    }

    @Test
    void gzipWhenTheClientAcceptsIt() throws Exception {
        for (String doc : JSON_DOCS) {
            HttpResponse<Buffer> plain = get(doc, Map.of());
            HttpResponse<Buffer> zipped = get(doc, Map.of("Accept-Encoding", "gzip"));
            assertThat(zipped.getHeader("Content-Encoding")).as(doc).isEqualTo("gzip");
            assertThat(zipped.getHeader("Vary")).as(doc).contains("Accept-Encoding");
            byte[] raw = new GZIPInputStream(new ByteArrayInputStream(zipped.body().getBytes())).readAllBytes();
            assertThat(new String(raw, StandardCharsets.UTF_8)).as(doc).isEqualTo(plain.bodyAsString());
            assertThat(zipped.body().length()).as(doc).isLessThan(plain.body().length());
            assertThat(plain.getHeader("Content-Encoding")).as(doc).isNull();
        }
    }
}
