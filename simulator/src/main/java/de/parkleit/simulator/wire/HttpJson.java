package de.parkleit.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Blocking GETs of JSON for the simulation thread (never an event loop). */
final class HttpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** PUTs a JSON body and returns the answer's JSON; throws on anything but 2xx. */
    JsonNode put(String url, JsonNode body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + url + " answered " + res.statusCode() + ": "
                        + new String(res.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return MAPPER.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during PUT " + url, e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The body of a 2xx answer; empty for 404/422 (no such thing / outside the network); throws otherwise. */
    Optional<JsonNode> get(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/geo+json").GET().build();
        try {
            HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() == 404 || res.statusCode() == 422) {
                return Optional.empty();
            }
            if (res.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + url + " answered " + res.statusCode() + ": "
                        + new String(res.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return Optional.of(MAPPER.readTree(res.body()));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + url, e);
        }
    }
}
