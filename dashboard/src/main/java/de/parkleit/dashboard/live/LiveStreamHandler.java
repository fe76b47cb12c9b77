package de.parkleit.dashboard.live;

import de.parkleit.core.state.FacilityState;
import de.parkleit.platform.http.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
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
        r.write("retry: 3000\n\nevent: snapshot\ndata: " + FacilityJson.all(view).encode() + "\n\n");
    }

    private void broadcast(FacilityState s) {
        if (clients.isEmpty()) {
            return;
        }
        view.facility(s.facilityId()).ifPresent(f ->
                sendToAll("event: state\ndata: " + FacilityJson.of(f, s).encode() + "\n\n"));
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
