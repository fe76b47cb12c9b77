package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.testing.TestBroker;
import de.parkleit.platform.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as {@code ./parkleit demo} runs it: {@code java -jar target/parkleit.jar demo}
 * with the jars of {@code target/lib}, in a process of its own. Every other app test runs on the test
 * class path, which can hide a jar missing from the package (a test-scope declaration once took
 * jackson-annotations away from the packaged app, and {@code serve} failed to start).
 */
class PackagedDemoIT {

    private static final Pattern FACILITY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void thePackagedDemoStartsServesTheCityAndStopsOnSigterm() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("parkleit.jar");
        assertThat(jar).as("packaged app (integration tests run after package)").exists();
        assertThat(target.resolve("lib")).isDirectory();
        int http = TestBroker.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString(), "demo"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("demo.log").toFile());
        pb.environment().put("PARKLEIT_HOME", target.getParent().getParent().toString());
        pb.environment().put("PARKLEIT_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("PARKLEIT_HTTP_PORT", Integer.toString(http));
        pb.environment().put("PARKLEIT_EMBEDDED_MQTT_PORT", Integer.toString(TestBroker.freePort()));
        pb.environment().put("PARKLEIT_QUESTDB_HTTP_PORT", Integer.toString(TestBroker.freePort()));
        pb.environment().put("PARKLEIT_MAP_TILE_URL", "none");
        Process p = pb.start();
        try {
            TestHttp client = new TestHttp(http);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            int ready = -1;
            while (System.nanoTime() < deadline && p.isAlive()) {
                ready = status(client, "/health/ready");
                if (ready == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(ready).as("/health/ready of the packaged demo; its log:%n%s", log()).isEqualTo(200);

            HttpResponse<String> facilities = client.get("/api/v1/facilities");
            assertThat(facilities.statusCode()).isEqualTo(200);
            Matcher m = FACILITY_ID.matcher(facilities.body());
            List<String> ids = new ArrayList<>();
            while (m.find()) {
                if (!ids.contains(m.group(1))) {
                    ids.add(m.group(1));
                }
            }
            assertThat(ids).as("facilities of the demo city").hasSize(20);
            assertThat(client.get("/").statusCode()).as("web map").isEqualTo(200);
            assertThat(client.get("/planner.html").statusCode()).as("planner dashboard").isEqualTo(200);

            p.destroy(); // SIGTERM, as Ctrl-C or a container stop
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("demo stops on SIGTERM; its log:%n%s", log()).isTrue();
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(log()).doesNotContain("ClassNotFoundException", "NoClassDefFoundError");
    }

    private static int status(TestHttp client, String path) {
        try {
            return client.get(path).statusCode();
        } catch (RuntimeException e) {
            return -1; // not listening yet
        }
    }

    private String log() throws IOException {
        Path log = dir.resolve("demo.log");
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String text = Files.readString(log);
        return text.length() > 8_000 ? text.substring(text.length() - 8_000) : text;
    }
}
