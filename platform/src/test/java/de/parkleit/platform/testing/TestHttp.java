package de.parkleit.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP client for tests: the JDK client with a connect and a per-request timeout, so a test
 * that gets no answer fails with a clear message instead of waiting forever. (Tests do not use the
 * Vert.x client: twice in CI a test waited forever on it with both event loops idle.)
 */
public final class TestHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String base;

    public TestHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A request builder for {@code pathAndQuery} on this server, with the standard timeout. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
    }

    public HttpResponse<String> get(String pathAndQuery, String... headerPairs) {
        HttpRequest.Builder b = request(pathAndQuery).GET();
        if (headerPairs.length > 0) {
            b.headers(headerPairs);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + request.uri(), e);
        }
    }
}
