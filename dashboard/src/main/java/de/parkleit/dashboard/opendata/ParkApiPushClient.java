package de.parkleit.dashboard.opendata;

import de.parkleit.core.live.LiveBoard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the city's parking sites to a ParkAPI v3 hub: every {@code interval} the sites whose item
 * ({@link ParkApiV3Items}) differs from the one the hub last accepted go out in one
 * {@code POST <url>/api/admin/v1/parking-sites/upsert-list} with {@code {"items": [...]}} and Basic
 * auth (source uid as user); nothing is sent when nothing changed. A 5xx, 429 or network failure is
 * retried after {@code backoff}, doubled each time, up to {@code retries} times; other 4xx answers
 * are not retried (the items are offered again at the next round). One push at a time: a round that
 * finds one in flight is skipped. Items are built and compared on a worker; the requests and the
 * back-off run on the Vert.x context with the non-blocking client. Call {@link #push()} on that context.
 * Metrics: {@code parkleit.dashboard.parkapi.push.requests} (by {@code outcome}: success, error,
 * rejected), {@code parkleit.dashboard.parkapi.push.rounds} (by {@code result}: sent, unchanged,
 * failed, skipped) and {@code parkleit.dashboard.parkapi.push.items} (items the hub accepted).
 */
public final class ParkApiPushClient {

    private static final Logger LOG = LoggerFactory.getLogger(ParkApiPushClient.class);

    private final Vertx vertx;
    private final LiveBoard board;
    private final ParkApiPushConfig config;
    private final Instant staticDataUpdatedAt;
    private final HttpClient http;
    private final String authorization;
    /** What the hub accepted per uid; written on the context once a push succeeded, read on a worker. */
    private final Map<String, JsonObject> accepted = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Counter items;
    private volatile boolean inFlight;
    private volatile boolean failing;
    private long timer = -1;

    /**
     * @param staticDataUpdatedAt when the facility list was read (sent as {@code static_data_updated_at})
     */
    public ParkApiPushClient(Vertx vertx, LiveBoard board, ParkApiPushConfig config, Instant staticDataUpdatedAt,
                             MeterRegistry registry) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("ParkAPI push is off (PARKLEIT_PARKAPI_PUSH_URL unset)");
        }
        this.vertx = vertx;
        this.board = board;
        this.config = config;
        this.staticDataUpdatedAt = staticDataUpdatedAt;
        this.registry = registry;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000));
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((config.sourceUid() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        this.items = Counter.builder("parkleit.dashboard.parkapi.push.items")
                .description("parking sites the ParkAPI v3 hub accepted").register(registry);
    }

    /** Pushes now and then every interval. */
    public void start() {
        LOG.info("pushing changed parking sites to {} every {} as source {}", config.endpoint(), config.interval(), config.sourceUid());
        push();
        timer = vertx.setPeriodic(config.interval().toMillis(), id -> push());
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return http.close();
    }

    /** One round: the number of items the hub accepted (0 when nothing changed or a push is in flight). */
    public Future<Integer> push() {
        if (inFlight) {
            round("skipped");
            return Future.succeededFuture(0);
        }
        inFlight = true;
        // the items of a large city take tens of ms to build and compare: on a worker (the board is thread-safe)
        return vertx.executeBlocking(this::changed, false).compose(changed -> {
            if (changed.isEmpty()) {
                round("unchanged");
                return Future.succeededFuture(0);
            }
            return send(changed);
        }).eventually(() -> {
            inFlight = false;
            return Future.succeededFuture();
        });
    }

    private Map<String, JsonObject> changed() {
        Map<String, JsonObject> changed = new LinkedHashMap<>();
        ParkApiV3Items.all(board, staticDataUpdatedAt).forEach((uid, item) -> {
            if (!item.equals(accepted.get(uid))) {
                changed.put(uid, item);
            }
        });
        return changed;
    }

    private Future<Integer> send(Map<String, JsonObject> changed) {
        Buffer body = new JsonObject().put("items", new JsonArray(java.util.List.copyOf(changed.values()))).toBuffer();
        return attempt(body, 0).map(v -> {
            accepted.putAll(changed);
            items.increment(changed.size());
            round("sent");
            if (failing) {
                LOG.info("ParkAPI push to {} works again", config.endpoint());
                failing = false;
            }
            return changed.size();
        }).onFailure(e -> {
            round("failed");
            if (!failing) {
                LOG.warn("ParkAPI push to {} failed, {} sites offered again next round: {}", config.endpoint(), changed.size(),
                        e.getMessage());
                failing = true;
            }
        });
    }

    private Future<Void> attempt(Buffer body, int n) {
        return send(body).transform(ar -> {
            if (ar.succeeded() && ar.result() / 100 == 2) {
                request("success");
                return Future.succeededFuture();
            }
            boolean retriable = ar.failed() || ar.result() >= 500 || ar.result() == 429;
            request(retriable ? "error" : "rejected");
            String why = ar.failed() ? String.valueOf(ar.cause().getMessage()) : "HTTP " + ar.result();
            if (!retriable || n >= config.retries()) {
                return Future.failedFuture(why + (retriable ? " after " + (n + 1) + " attempts" : ""));
            }
            long wait = config.backoff().toMillis() << Math.min(n, 16);
            LOG.debug("ParkAPI push attempt {} failed ({}), retrying in {} ms", n + 1, why, wait);
            return vertx.timer(wait).compose(v -> attempt(body, n + 1));
        });
    }

    /** The status code of one POST. */
    private Future<Integer> send(Buffer body) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(config.endpoint().toString())
                .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json").setIdleTimeout(30_000);
        return http.request(o).compose(req -> req.send(body)).compose(res -> res.body().map(b -> res.statusCode()));
    }

    private void request(String outcome) {
        Counter.builder("parkleit.dashboard.parkapi.push.requests").tag("outcome", outcome)
                .description("upsert-list requests to the ParkAPI v3 hub, by outcome").register(registry).increment();
    }

    private void round(String result) {
        Counter.builder("parkleit.dashboard.parkapi.push.rounds").tag("result", result.toLowerCase(Locale.ROOT))
                .description("ParkAPI v3 push rounds, by result").register(registry).increment();
    }
}
