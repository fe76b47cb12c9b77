package de.parkleit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.openapi.OpenApiHandler;
import de.parkleit.dashboard.ratelimit.RateLimit;
import de.parkleit.platform.http.RouteContributor;
import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import de.parkleit.dashboard.opendata.datex2.Datex2Schemas;
import java.util.Map;
import org.w3c.dom.NodeList;

/** Open-data exports, the OpenAPI document against the real routes, and the rate limit. */
class PublicApiTest {

    static DashboardFixture fx;
    static WebClient web;
    /** A route another service would contribute (documented in the OpenAPI file). */
    static final RouteContributor ROUTE = r -> r.get("/api/v1/route").handler(ctx -> ctx.response().end("{}"));

    @BeforeAll
    static void up() {
        DashboardConfig t = DashboardConfig.forTests(TestBroker.uniqueRoot());
        DashboardConfig c = new DashboardConfig(t.bindHost(), 0, t.topicRoot(), null, "", List.of("https://allowed.example"), 10,
                t.auth(), new RateLimit(600, 40, true), t.openData());
        fx = DashboardFixture.start(c, List.of(ROUTE), DashboardFixture.heidelberg());
        web = WebClient.create(fx.vertx);
        String id = fx.city.facilities().get(0).id();
        fx.publishState(new FacilityState(id, 10, 39, FacilityStatus.OPEN, Trend.FILLING, Instant.now().truncatedTo(ChronoUnit.SECONDS), Set.of()));
        await().atMost(5, TimeUnit.SECONDS).until(() -> Integer.valueOf(10).equals(get("/api/v1/facilities/" + id).bodyAsJsonObject().getInteger("free")));
    }

    @AfterAll
    static void down() {
        web.close();
        fx.close();
    }

    private static HttpResponse<Buffer> get(String path) {
        return Sync.await(web.get(fx.port(), "127.0.0.1", path).putHeader("X-Forwarded-For", "10.0.0." + (path.hashCode() & 0x7f)).send());
    }

    @Test
    void geoJsonExportCarriesLiveStateAndLicence() {
        HttpResponse<Buffer> r = get("/api/v1/opendata/facilities.geojson");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/geo+json");
        assertThat(r.getHeader("Link")).contains("rel=\"license\"").contains("dl-de/by-2-0");
        JsonObject g = r.bodyAsJsonObject();
        assertThat(g.getString("license")).isEqualTo("dl-de/by-2-0");
        assertThat(g.getString("attribution")).contains("Heidelberg");
        JsonArray features = g.getJsonArray("features");
        assertThat(features).hasSize(20);
        JsonObject first = features.getJsonObject(0);
        assertThat(first.getJsonObject("geometry").getJsonArray("coordinates").getDouble(0)).isBetween(8.6, 8.8);
        assertThat(first.getJsonObject("properties").getInteger("free")).isEqualTo(10);
    }

    @Test
    void parkApiExportUsesTheParkApiFields() {
        JsonObject p = get("/api/v1/opendata/parkapi.json").bodyAsJsonObject();
        assertThat(p.fieldNames()).contains("last_updated", "last_downloaded", "data_source", "lots", "license");
        JsonObject lot = p.getJsonArray("lots").getJsonObject(0);
        assertThat(lot.getString("state")).isEqualTo("open");
        assertThat(lot.getInteger("free")).isEqualTo(10);
        assertThat(lot.getInteger("total")).isEqualTo(39);
        assertThat(lot.getJsonObject("coords").fieldNames()).containsExactlyInAnyOrder("lat", "lng");
        assertThat(p.getJsonArray("lots").getJsonObject(1).getString("state")).isEqualTo("nodata");
        assertThat(p.getJsonArray("lots").getJsonObject(1).containsKey("free")).as("no count, no free key").isFalse();
    }

    @Test
    void parkingPublicationLightExportIsServedGzippedWithValidators() {
        HttpResponse<Buffer> r = Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/opendata/ppl.json")
                .putHeader("X-Forwarded-For", "10.0.1.1").putHeader("Accept-Encoding", "gzip").send());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.getHeader("ETag")).startsWith("W/\"");
        assertThat(r.getHeader("Last-Modified")).endsWith("GMT");
        HttpResponse<Buffer> again = Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/opendata/ppl.json")
                .putHeader("X-Forwarded-For", "10.0.1.1").putHeader("If-None-Match", r.getHeader("ETag")).send());
        assertThat(again.statusCode()).isEqualTo(304);
        JsonObject doc = get("/api/v1/opendata/ppl.json").bodyAsJsonObject();
        JsonObject first = doc.getJsonObject("parkingPublicationLight").getJsonArray("parkingSite").getJsonObject(0);
        assertThat(first.getInteger("availableSpaces")).isEqualTo(10);
        assertThat(first.getJsonObject("occupancyTrend").getString("value")).isEqualTo("increasing");
    }

    @Test
    void everyDatexExportIsServedValidWithItsLicence() {
        Map<String, Datex2Schemas> routes = Map.of("v2.3/table.xml", Datex2Schemas.V2_3, "v2.3/status.xml", Datex2Schemas.V2_3,
                "v3.6/table.xml", Datex2Schemas.V3_6, "v3.6/status.xml", Datex2Schemas.V3_6);
        routes.forEach((path, schema) -> {
            HttpResponse<Buffer> r = get("/api/v1/opendata/datex2/" + path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.getHeader("Content-Type")).startsWith("application/xml");
            assertThat(r.getHeader("Link")).contains("rel=\"license\"");
            String body = r.bodyAsString(StandardCharsets.UTF_8.name());
            assertThat(schema.errors(body)).as(path).isEmpty();
            assertThat(body).contains("Licence: dl-de/by-2-0");
        });
    }

    @Test
    void datexXmlIsTheV36StatusWithTheLiveCounts() throws Exception {
        String old = get("/api/v1/opendata/datex2.xml").bodyAsString(StandardCharsets.UTF_8.name());
        String v36 = get("/api/v1/opendata/datex2/v3.6/status.xml").bodyAsString(StandardCharsets.UTF_8.name());
        String time = "<com:publicationTime>[^<]*</com:publicationTime>";
        assertThat(old.replaceAll(time, "")).isEqualTo(v36.replaceAll(time, ""));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
        NodeList statuses = d.getElementsByTagNameNS(PRK, "parkingStatusInformation");
        assertThat(statuses.getLength()).as("no forecaster here: one record per facility").isEqualTo(20);
        Element first = (Element) statuses.item(0);
        assertThat(text(first, "numberOfVacantSpaces")).isEqualTo("10");
        assertThat(text(first, "numberOfOccupiedSpaces")).isEqualTo("29");
        assertThat(text(first, "occupancyTrend")).isEqualTo("increasing");
        assertThat(text((Element) statuses.item(1), "status")).isEqualTo("unknown");
    }

    private static final String PRK = "http://datex2.eu/schema/3/parking";

    private static String text(Element e, String local) {
        return e.getElementsByTagNameNS(PRK, local).item(0).getTextContent();
    }

    @Test
    void openApiDocumentDescribesExactlyTheRoutesThisServerHas() {
        JsonObject doc = get("/api/v1/openapi.json").bodyAsJsonObject();
        assertThat(doc.getString("openapi")).startsWith("3.");
        Set<String> documented = OpenApiHandler.operations(doc);
        assertThat(Sync.await(fx.verticle.undocumentedRoutes())).as("routes missing from the OpenAPI document").isEmpty();
        assertThat(documented).contains("GET /api/v1/facilities", "GET /api/v1/facilities/{id}", "PUT /api/v1/facilities/{id}/operation",
                "GET /api/v1/route", "GET /metrics");
        assertThat(documented).as("not mounted here, so not promised").doesNotContain("GET /api/v1/guidance", "GET /api/v1/roads",
                "GET /api/v1/facilities/{id}/history");
        for (String op : documented) {
            if (op.startsWith("GET ") && !op.contains("{") && !op.endsWith("/live")) {
                assertThat(get(op.substring(4)).statusCode()).as(op).isNotEqualTo(404);
            }
        }
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        HttpResponse<Buffer> allowed = Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/facilities")
                .putHeader("Origin", "https://allowed.example").send());
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://allowed.example");
        HttpResponse<Buffer> other = Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/facilities")
                .putHeader("Origin", "https://other.example").send());
        assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfter() {
        int limited = 0;
        HttpResponse<Buffer> last = null;
        for (int i = 0; i < 60; i++) {
            last = Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/map/config").putHeader("X-Forwarded-For", "192.0.2.77").send());
            if (last.statusCode() == 429) {
                limited++;
                break;
            }
        }
        assertThat(limited).isEqualTo(1);
        assertThat(last.getHeader("Retry-After")).isNotNull();
        assertThat(last.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Sync.await(web.get(fx.port(), "127.0.0.1", "/api/v1/map/config").putHeader("X-Forwarded-For", "192.0.2.78").send())
                .statusCode()).as("other clients are not affected").isEqualTo(200);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }
}
