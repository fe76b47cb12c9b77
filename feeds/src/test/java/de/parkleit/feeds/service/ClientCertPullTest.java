package de.parkleit.feeds.service;

import de.parkleit.core.topic.Topics;
import de.parkleit.feeds.FeedFormat;
import de.parkleit.feeds.FeedSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mobilithek-style client pull: an HTTPS server that requires a client certificate (ClientAuth.REQUIRED),
 * certificates made by openssl at test time. With the certificate the feed is read; without it the poll
 * fails, is counted, and nothing is published.
 */
class ClientCertPullTest {

    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private void certs() throws Exception {
        sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "1", "-subj", "/CN=parkleit test CA");
        for (String n : new String[] {"server", "client"}) {
            sh("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", n + ".key", "-out", n + ".csr",
                    "-subj", "/CN=" + (n.equals("server") ? "localhost" : "parkleit-client"));
            Files.writeString(dir.resolve(n + ".ext"), n.equals("server")
                    ? "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                    : "extendedKeyUsage=clientAuth\n");
            sh("openssl", "x509", "-req", "-in", n + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", n + ".pem", "-days", "1", "-extfile", n + ".ext");
        }
    }

    @Test
    void readsWithTheClientCertificateAndIsRefusedWithout() throws Exception {
        certs();
        byte[] xml;
        try (InputStream in = getClass().getResourceAsStream("/feeds/aachen-realtime.xml")) {
            xml = in.readAllBytes();
        }
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(dir.resolve("server.pem").toString())
                                .setKeyPath(dir.resolve("server.key").toString()))
                        .setTrustOptions(new PemTrustOptions().addCertPath(dir.resolve("ca.pem").toString()))
                        .setClientAuth(ClientAuth.REQUIRED))
                .requestHandler(req -> req.response().end(Buffer.buffer(xml)))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        String url = "https://127.0.0.1:" + server.actualPort() + "/clientPullService";
        Clock clock = Clock.fixed(Instant.parse("2025-02-07T19:12:00Z"), ZoneOffset.UTC);

        List<String> topics = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        FeedSource withCert = new FeedSource("mobilithek", FeedFormat.DATEX2, url, null, Duration.ofHours(1), 1_000_000,
                Map.of("P1", "p1"), false, Duration.ofMinutes(5), null, null,
                dir.resolve("client.pem"), dir.resolve("client.key"), dir.resolve("ca.pem"));
        FeedPoller ok = new FeedPoller(vertx, withCert, new Topics("t/mtls"), (t, p) -> {
            topics.add(t);
            return Future.succeededFuture();
        }, reg, clock);
        ok.poll().await(20, TimeUnit.SECONDS);
        ok.stop();
        assertThat(topics).containsExactly("t/mtls/parking/p1/occupancy");

        List<String> none = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry reg2 = new SimpleMeterRegistry();
        FeedSource noCert = new FeedSource("mobilithek", FeedFormat.DATEX2, url, null, Duration.ofHours(1), 1_000_000,
                Map.of("P1", "p1"), false, Duration.ofMinutes(5), null, null, null, null, dir.resolve("ca.pem"));
        FeedPoller refused = new FeedPoller(vertx, noCert, new Topics("t/mtls"), (t, p) -> {
            none.add(t);
            return Future.succeededFuture();
        }, reg2, clock);
        refused.poll().await(20, TimeUnit.SECONDS);
        refused.stop();
        assertThat(none).isEmpty();
        assertThat(reg2.get("parkleit.feed.rejects").tag("reason", "fetch").counter().count()).isEqualTo(1);
        server.close();
    }
}
