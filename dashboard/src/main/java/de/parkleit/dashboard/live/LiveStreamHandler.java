package de.parkleit.dashboard.live;

import de.parkleit.platform.http.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/live}: Server-Sent Events. A {@code snapshot} event with every facility on
 * connect, then one {@code state} event per change; a comment every 15 s keeps proxies from closing
 * the stream. A client that cannot keep up is disconnected (its browser reconnects and gets a fresh
 * snapshot), so a slow reader never piles up memory here. Runs on the view's context.
 */
public final class LiveStreamHandler {

    public static final String PATH = "/api/v1/live";
    private static final long HEARTBEAT_MS = 15_000;

    private final Vertx vertx;
    private final LiveStateView view;
    private final int maxStreams;
    private final Set<HttpServerResponse> clients = new LinkedHashSet<>();
    private final Map<String, Supplier<String>> extraSnapshots = new LinkedHashMap<>();
    private long heartbeatTimer = -1;

    public LiveStreamHandler(Vertx vertx, LiveStateView view, int maxStreams, MeterRegistry registry) {
        this.vertx = vertx;
        this.view = view;
        this.maxStreams = maxStreams;
        view.addListener(this::broadcast);
        Gauge.builder("parkleit.dashboard.live.clients", clients, Set::size)
                .description("open live-push (SSE) connections").register(registry);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::open);
        heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, id -> sendToAll(": keep-alive\n\n"));
    }

    public int clientCount() {
        return clients.size();
    }

    private void open(RoutingContext ctx) {
        if (clients.size() >= maxStreams) {
            ctx.fail(ApiException.unavailable("too many live connections on this instance; retry later"));
            return;
        }
        HttpServerResponse r = ctx.response();
        r.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no");
        clients.add(r);
        r.closeHandler(v -> clients.remove(r));
        r.exceptionHandler(e -> clients.remove(r));
        StringBuilder first = new StringBuilder("retry: 3000\n\nevent: snapshot\ndata: ").append(FacilityJson.all(view).encode()).append("\n\n");
        extraSnapshots.forEach((event, json) -> first.append("event: ").append(event).append("\ndata: ").append(json.get()).append("\n\n"));
        r.write(first.toString());
    }

    /** Adds an event every client gets on connect after the facility snapshot (e.g. all signs). */
    public void addSnapshot(String event, Supplier<String> json) {
        extraSnapshots.put(event, json);
    }

    private void broadcast(String facilityId) {
        if (!clients.isEmpty()) {
            sendToAll("event: state\ndata: " + FacilityJson.of(view, facilityId).encode() + "\n\n");
        }
    }

    /** Sends a named event with a JSON payload to every client (signs use it). */
    public void publish(String event, String json) {
        if (!clients.isEmpty()) {
            sendToAll("event: " + event + "\ndata: " + json + "\n\n");
        }
    }

    private void sendToAll(String frame) {
        for (HttpServerResponse r : List.copyOf(clients)) {
            if (r.writeQueueFull()) {
                clients.remove(r);
                r.reset();
            } else {
                r.write(frame);
            }
        }
    }

    /** Ends every stream and the heartbeat (on stop). */
    public void closeAll() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        for (HttpServerResponse r : List.copyOf(clients)) {
            r.end();
        }
        clients.clear();
    }
}
