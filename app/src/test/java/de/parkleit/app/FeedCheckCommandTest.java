package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code feed check --url} against an HTTPS server that requires a client certificate (made by openssl here),
 * fetched as the node's poller fetches: with PKCS#12 (password from the variable {@code --password-env} names),
 * with PEM certificate and key, and refused without one.
 */
class FeedCheckCommandTest {

    @TempDir
    static Path dir;
    static Vertx vertx;
    static HttpServer server;
    static String url;

    @BeforeAll
    static void serve() throws Exception {
        sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "1", "-subj", "/CN=parkleit test CA");
        for (String n : new String[] {"server", "client"}) {
            sh("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", n + ".key", "-out", n + ".csr",
                    "-subj", "/CN=" + (n.equals("server") ? "localhost" : "parkleit-client"));
            Files.writeString(dir.resolve(n + ".ext"), n.equals("server")
                    ? "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n" : "extendedKeyUsage=clientAuth\n");
            sh("openssl", "x509", "-req", "-in", n + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", n + ".pem", "-days", "1", "-extfile", n + ".ext");
        }
        sh("openssl", "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                "-name", "parkleit-client", "-passout", "pass:s3cret-p12");
        byte[] xml = FeedNode.fixture("aachen-realtime.xml");
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(dir.resolve("server.pem").toString())
                                .setKeyPath(dir.resolve("server.key").toString()))
                        .setTrustOptions(new PemTrustOptions().addCertPath(dir.resolve("ca.pem").toString()))
                        .setClientAuth(ClientAuth.REQUIRED))
                .requestHandler(req -> req.response().end(Buffer.buffer(xml)))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        url = "https://127.0.0.1:" + server.actualPort() + "/clientPullService?subscriptionID=1";
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private record Run(int rc, String out) {
    }

    private static Run check(String... args) {
        FeedCommand.Check c = new FeedCommand.Check();
        c.secrets = Map.of("TEST_P12_PASSWORD", "s3cret-p12")::get;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        c.out = new PrintStream(b, true, StandardCharsets.UTF_8);
        int rc = new CommandLine(c).execute(args);
        return new Run(rc, b.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pkcs12WithThePasswordFromTheNamedVariableReadsTheFeed() {
        Run r = check("--format", "datex2", "--url", url, "--pkcs12", dir.resolve("client.p12").toString(),
                "--password-env", "TEST_P12_PASSWORD", "--ca", dir.resolve("ca.pem").toString());
        assertThat(r.out()).doesNotContain("UNREADABLE").contains(" sites", "P1 ");
        assertThat(r.rc()).as(r.out()).isIn(0, 1);
    }

    @Test
    void pemCertificateAndKeyReadTheFeed() {
        Run r = check("--format", "datex2", "--url", url, "--cert", dir.resolve("client.pem").toString(),
                "--key", dir.resolve("client.key").toString(), "--ca", dir.resolve("ca.pem").toString());
        assertThat(r.out()).doesNotContain("UNREADABLE").contains(" sites", "P1 ");
        assertThat(r.rc()).as(r.out()).isIn(0, 1);
    }

    @Test
    void withoutACertificateTheServerRefusesAndTheCheckSaysSo() {
        Run r = check("--format", "datex2", "--url", url, "--ca", dir.resolve("ca.pem").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.out()).contains("UNREADABLE (fetch)");
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() {
        Run r = check("--format", "datex2", "--url", url, "--cert", dir.resolve("client.pem").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.out()).contains("--cert and --key go together");
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }
}
