package de.parkleit.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Counts stored occupancy rows in a time range with plain SQL over HTTP (the check that nothing was lost). */
final class QuestDbCount {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    QuestDbCount(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    long rows(Instant from, Instant to) throws Exception {
        String sql = "SELECT count() FROM parking_occupancy WHERE ts >= '" + from + "' AND ts < '" + to + "'";
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = MAPPER.readTree(res.body());
        return n.path("dataset").path(0).path(0).asLong(-1);
    }

    /** Waits until {@code expected} rows are visible or {@code timeoutMs} passed; returns the last count. */
    long await(Instant from, Instant to, long expected, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long n = rows(from, to);
        while (n < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            n = rows(from, to);
        }
        return n;
    }
}
