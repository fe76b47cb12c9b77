package de.parkleit.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code demo --feed}: serves a recorded NGSI-v2 {@code OffStreetParking} response on
 * {@code http://127.0.0.1:<free port>/entities}, as Heidelberg's parking API would. Every value of
 * type {@code DateTime} is moved by one offset so that the recording's newest observation is the
 * current minute (the recording is from the past, and ingest would call it stale at once); counts,
 * capacities and statuses are the recorded ones. ETag and Last-Modified change once a minute, so the
 * adapter's conditional GET gets 304 in between. The file is read and rendered on a worker.
 */
final class RecordedFeedVerticle extends VerticleBase {

    static final String PATH = "/entities";

    private final Path file;
    private JsonArray recording;
    private Instant newest;
    private HttpServer server;
    private Instant renderedMinute;
    private Buffer rendered;

    RecordedFeedVerticle(Path file) {
        this.file = file;
    }

    @Override
    public Future<?> start() {
        return vertx.fileSystem().readFile(file.toString()).compose(b -> vertx.executeBlocking(() -> {
            JsonArray a = new JsonArray(b);
            newest = newestTime(a);
            return a;
        })).compose(a -> {
            recording = a;
            server = vertx.createHttpServer().requestHandler(this::serve);
            return server.listen(0, "127.0.0.1");
        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Where the adapter reads the recording. */
    String url() {
        return "http://127.0.0.1:" + server.actualPort() + PATH;
    }

    /** The recording's own newest observation time. */
    Instant recordedAt() {
        return newest;
    }

    private void serve(HttpServerRequest req) {
        if (!PATH.equals(req.path())) {
            req.response().setStatusCode(404).end();
            return;
        }
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String etag = "\"" + minute.getEpochSecond() + "\"";
        if (etag.equals(req.getHeader("If-None-Match"))) {
            req.response().setStatusCode(304).end();
            return;
        }
        Future<Buffer> body = minute.equals(renderedMinute) ? Future.succeededFuture(rendered)
                : vertx.executeBlocking(() -> Buffer.buffer(shifted(recording, Duration.between(newest, minute)).encode()));
        body.onSuccess(b -> {
            renderedMinute = minute;
            rendered = b;
            req.response().putHeader("Content-Type", "application/json").putHeader("ETag", etag)
                    .putHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(minute.atZone(ZoneOffset.UTC)))
                    .end(b);
        }).onFailure(e -> req.response().setStatusCode(500).end());
    }

    private static Instant newestTime(JsonArray entities) {
        Instant max = null;
        for (Object o : entities) {
            if (o instanceof JsonObject e) {
                for (String k : e.fieldNames()) {
                    Instant t = dateTime(e.getValue(k));
                    if (t != null && (max == null || t.isAfter(max))) {
                        max = t;
                    }
                }
            }
        }
        if (max == null) {
            throw new IllegalArgumentException("the recording has no DateTime attribute");
        }
        return max;
    }

    private static JsonArray shifted(JsonArray entities, Duration by) {
        JsonArray out = entities.copy();
        for (Object o : out) {
            if (o instanceof JsonObject e) {
                for (String k : e.fieldNames()) {
                    Instant t = dateTime(e.getValue(k));
                    if (t != null) {
                        e.getJsonObject(k).put("value", t.plus(by).toString());
                    }
                }
            }
        }
        return out;
    }

    private static Instant dateTime(Object attribute) {
        if (attribute instanceof JsonObject a && "DateTime".equals(a.getString("type")) && a.getValue("value") instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
