package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DATEX II v2.3 through a node, Mobilithek style: a local HTTPS server that requires a client
 * certificate serves the real Aachen status publication; the node's feed reads it with a PKCS#12
 * client certificate (made by openssl here, password from the environment variable the config names)
 * and every site reaches the API and the store with the values in the file. The city's facility list
 * is written from the real static table; P13 and P17 have no capacity there, so they are not facilities
 * and their statuses are rejected as {@code unknown_id}. A second feed on the same server without a certificate is
 * refused: counted as {@code fetch}, DOWN in its health details, nothing published.
 */
class FeedDatex2IT {

    private static final String NS = "http://datex2.eu/schema/2/2_0";

    record Status(String id, int free, int capacity, Instant ts, String opening) {
    }

    static FeedNode world;
    static final List<Status> statuses = new ArrayList<>();
    static final Map<String, Integer> cityCapacity = new HashMap<>();
    static Path certs;

    @BeforeAll
    static void start() throws Exception {
        certs = Files.createTempDirectory("parkleit-feed-certs-");
        makeCertificates(certs);
        JsonArray features = new JsonArray();
        NodeList records = dom(FeedNode.fixture("aachen-static.xml")).getElementsByTagNameNS(NS, "parkingRecord");
        for (int i = 0; i < records.getLength(); i++) {
            Element r = (Element) records.item(i);
            if (text(r, "parkingNumberOfSpaces") == null) {
                continue; // P13, P17 give no capacity: not a facility of the city, their statuses are unknown ids
            }
            int cap = Integer.parseInt(text(r, "parkingNumberOfSpaces"));
            cityCapacity.put(r.getAttribute("id"), cap);
            features.add(new JsonObject().put("type", "Feature")
                    .put("properties", new JsonObject().put("id", r.getAttribute("id")).put("name", text(r, "value"))
                            .put("type", "garage").put("capacity", cap))
                    .put("geometry", new JsonObject().put("type", "Point").put("coordinates",
                            new JsonArray().add(Double.valueOf(text(r, "longitude"))).add(Double.valueOf(text(r, "latitude"))))));
        }
        byte[] realtime = FeedNode.fixture("aachen-realtime.xml");
        NodeList st = dom(realtime).getElementsByTagNameNS(NS, "parkingRecordStatus");
        Instant oldest = Instant.MAX;
        for (int i = 0; i < st.getLength(); i++) {
            Element s = (Element) st.item(i);
            Status x = new Status(((Element) s.getElementsByTagNameNS(NS, "parkingRecordReference").item(0)).getAttribute("id"),
                    Integer.parseInt(text(s, "parkingNumberOfVacantSpaces")), Integer.parseInt(text(s, "parkingNumberOfSpacesOverride")),
                    Instant.parse(text(s, "parkingStatusOriginTime")), text(s, "parkingSiteOpeningStatus").toLowerCase(Locale.ROOT));
            statuses.add(x);
            oldest = x.ts().isBefore(oldest) ? x.ts() : oldest;
        }
        long staleS = Duration.between(oldest, Instant.now()).plusMinutes(30).toSeconds();
        HttpServerOptions https = new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certs.resolve("server.pem").toString())
                        .setKeyPath(certs.resolve("server.key").toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(certs.resolve("ca.pem").toString()))
                .setClientAuth(ClientAuth.REQUIRED);
        world = FeedNode.start(new JsonObject().put("type", "FeatureCollection").put("features", features).encode(),
                realtime, "/clientPullService", https,
                url -> "feed.aachen.format=datex2\nfeed.aachen.url=" + url + "?subscriptionID=1\nfeed.aachen.interval=PT1S\n"
                        + ids(cityCapacity.keySet())
                        + "feed.aachen.tls.pkcs12=" + certs.resolve("client.p12") + "\n"
                        + "feed.aachen.tls.passwordEnv=TEST_MOBILITHEK_P12_PASSWORD\n"
                        + "feed.aachen.tls.ca=" + certs.resolve("ca.pem") + "\n"
                        + "feed.nocert.format=datex2\nfeed.nocert.url=" + url + "\nfeed.nocert.interval=PT1S\nfeed.nocert.unknown=identity\n"
                        + "feed.nocert.tls.ca=" + certs.resolve("ca.pem") + "\n",
                Map.of("TEST_MOBILITHEK_P12_PASSWORD", "s3cret-p12", "PARKLEIT_STALE_AFTER", "PT" + staleS + "S"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static String ids(java.util.Set<String> ids) {
        StringBuilder b = new StringBuilder();
        ids.forEach(id -> b.append("feed.aachen.id.").append(id).append('=').append(id).append('\n'));
        return b.toString();
    }

    /** The reason the adapter must reject a status for (docs/feeds.md order), or null. */
    private static String reject(Status s) {
        if (s.free() < 0 || s.capacity() < 0) {
            return "negative";
        }
        if (s.free() > s.capacity()) {
            return "free_above_capacity";
        }
        return cityCapacity.containsKey(s.id()) ? null : "unknown_id";
    }

    private static List<Status> accepted() {
        return statuses.stream().filter(s -> reject(s) == null).toList();
    }

    private static void makeCertificates(Path dir) throws Exception {
        sh(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "1", "-subj", "/CN=parkleit test CA");
        for (String n : new String[] {"server", "client"}) {
            sh(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", n + ".key", "-out", n + ".csr",
                    "-subj", "/CN=" + (n.equals("server") ? "localhost" : "parkleit-client"));
            Files.writeString(dir.resolve(n + ".ext"), n.equals("server")
                    ? "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n" : "extendedKeyUsage=clientAuth\n");
            sh(dir, "openssl", "x509", "-req", "-in", n + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", n + ".pem", "-days", "1", "-extfile", n + ".ext");
        }
        sh(dir, "openssl", "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                "-name", "parkleit-client", "-passout", "pass:s3cret-p12");
    }

    private static void sh(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element e, String local) {
        NodeList l = e.getElementsByTagNameNS(NS, local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    @Test
    void everyStatusOfTheRealPublicationReachesTheApiAndTheStoreOverClientCertificateHttps() throws Exception {
        assertThat(accepted()).hasSizeGreaterThan(10);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonObject> api = world.facilities();
            for (Status s : accepted()) {
                JsonObject f = api.get(s.id());
                assertThat(f).as(s.id()).isNotNull();
                assertThat(f.getString("updatedAt")).as(s.id()).isEqualTo(s.ts().toString());
                assertThat(f.getInteger("free")).as(s.id()).isEqualTo(Math.min(s.free(), cityCapacity.get(s.id())));
                assertThat(f.getString("status")).as(s.id()).isEqualTo(s.opening());
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Status s : accepted()) {
                assertThat(world.node.store().countOccupancy(s.id(), s.ts(), s.ts().plusMillis(1))).as(s.id()).isEqualTo(1);
                assertThat(world.node.store().occupancyHistory(s.id(), s.ts().minusSeconds(60), s.ts().plusSeconds(60), Duration.ofMinutes(2)))
                        .as(s.id()).anySatisfy(b -> assertThat(b.minFree()).isEqualTo(s.free()));
            }
        });
        JsonObject health = world.feedHealth("aachen");
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("source")).as("no query string (may hold a subscription id)").doesNotContain("?");
        assertThat(health.getLong("sites")).isEqualTo(statuses.size());
        assertThat(health.getLong("readings")).isEqualTo(accepted().size());
        Map<String, Object> expected = new HashMap<>();
        statuses.stream().filter(s -> reject(s) != null).forEach(s -> expected.merge(reject(s), 1, (a, b) -> (Integer) a + (Integer) b));
        assertThat(expected).containsKey("unknown_id");
        assertThat(health.getJsonObject("rejects").getMap()).isEqualTo(expected);
    }

    @Test
    void withoutTheClientCertificateThePullIsRefusedAndCounted() throws Exception {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonObject health = world.feedHealth("nocert");
            assertThat(health.getString("status")).startsWith("DOWN: fetch");
            assertThat(health.getJsonObject("rejects").getInteger("fetch")).isPositive();
            assertThat(health.getLong("readings")).isZero();
            assertThat(health.getString("lastSuccess")).isNull();
        });
    }
}
