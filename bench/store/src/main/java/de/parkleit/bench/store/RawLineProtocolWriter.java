package de.parkleit.bench.store;

import de.parkleit.core.reading.OccupancyReading;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The peer of the benchmark: the same readings encoded by hand into line protocol and POSTed with
 * the JDK HTTP client to QuestDB's {@code /api/v2/write}, batch by batch, no client library.
 */
final class RawLineProtocolWriter {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;

    RawLineProtocolWriter(String baseUrl) {
        this.uri = URI.create(baseUrl + "/api/v2/write?precision=u");
    }

    void write(List<OccupancyReading> readings, int batchSize) throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder(batchSize * 80);
        int n = 0;
        for (OccupancyReading r : readings) {
            long us = r.ts().getEpochSecond() * 1_000_000L + r.ts().getNano() / 1_000;
            sb.append("parking_occupancy,facility=").append(r.facilityId()).append(" free=").append(r.free())
                    .append("i,capacity=").append(r.capacity().intValue()).append("i ").append(us).append('\n');
            if (++n == batchSize) {
                post(sb);
                sb.setLength(0);
                n = 0;
            }
        }
        if (n > 0) {
            post(sb);
        }
    }

    private void post(StringBuilder sb) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sb.toString().getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 204) {
            throw new IOException("raw write failed: HTTP " + res.statusCode() + " " + res.body());
        }
    }
}
