package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code mosquitto_pub} line, run as written (only {@code -p} added for the test's port) with
 * Debian's real {@code mosquitto_pub}, against {@code demo}'s embedded broker: it sends an empty client id
 * with a clean session, which the broker must accept, and the API's free count must follow. A 70 kB
 * publish is refused (over {@code PARKLEIT_EMBEDDED_MQTT_MAX_MESSAGE}), and the broker keeps working.
 */
class DemoMosquittoPubIT {

    static final String FACILITY = "heidelbergp0ambismarckplatz";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Node node;
    static int mqttPort;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1"); // the README's topic root
        mqttPort = Integer.parseInt(env.get("PARKLEIT_EMBEDDED_MQTT_PORT"));
        node = NodeFixture.start(env, Mode.DEMO);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theReadmeLineIsAcceptedAndChangesTheFreeCount() throws Exception {
        String readme = "mosquitto_pub -h localhost -p " + mqttPort + " -t parkleit/v1/parking/" + FACILITY + "/occupancy"
                + " -m \"{\\\"ts\\\":\\\"$(date -u +%FT%TZ)\\\",\\\"free\\\":12}\"";
        // the demo's simulator publishes for this garage too: a reading older than its last one (the README's time
        // stamp has whole seconds) does not replace it, so the line is run again until its reading is the newest
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Run r = bash(readme);
            assertThat(r.exit).as("mosquitto_pub exit; output: %s", r.output).isZero();
            assertThat(r.output).doesNotContain("identifier rejected");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline) {
                JsonObject f = facility();
                if (Integer.valueOf(12).equals(f.getInteger("free")) && String.valueOf(f.getString("updatedAt")).compareTo(r.ts) >= 0) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        });
    }

    @Test
    void a70KilobytePublishIsRefusedAndTheBrokerKeepsWorking() throws Exception {
        Path big = Files.createTempFile("parkleit-70k-", ".json");
        Files.writeString(big, "{\"ts\":\"2026-01-01T00:00:00Z\",\"free\":12,\"pad\":\"" + "x".repeat(70_000) + "\"}");
        Run r = bash("mosquitto_pub -h localhost -p " + mqttPort + " -q 1 -t parkleit/v1/parking/" + FACILITY + "/occupancy -f " + big);
        assertThat(r.exit).as("a refused publish fails the client; output: %s", r.output).isNotZero();
        Run small = bash("mosquitto_pub -h localhost -p " + mqttPort + " -q 1 -t parkleit/v1/parking/" + FACILITY + "/occupancy"
                + " -m \"{\\\"ts\\\":\\\"$(date -u +%FT%TZ)\\\",\\\"free\\\":13}\"");
        assertThat(small.exit).as("the broker still takes a normal publish; output: %s", small.output).isZero();
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).as("the refusal is counted").containsPattern("(?m)^parkleit_mqtt_embedded_oversized_total [1-9]");
    }

    private static JsonObject facility() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/facilities/" + FACILITY))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private record Run(int exit, String output, String ts) {
    }

    /** Runs {@code command} with bash (as a shell user would) and the time stamp {@code date -u +%FT%T} just before it. */
    private static Run bash(String command) throws Exception {
        String ts = new String(new ProcessBuilder("date", "-u", "+%FT%T").start().getInputStream().readAllBytes()).trim();
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes()), ts);
    }
}
