package de.parkleit.dashboard.live;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.platform.http.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/live}: Server-Sent Events. A {@code snapshot} event with every facility on
 * connect, then one {@code state} event per change; a comment every 15 s keeps proxies from closing
 * the stream. Runs on the view's context and never blocks it.
 *
 * <p>Overload: a facility's state (and a sign's display) goes out at most once per
 * {@link Limits#minInterval()} (250 ms): a change within that time of the previous push waits, newer
 * ones replace it, and the newest goes out when the interval is over
 * ({@code parkleit_dashboard_live_throttled_total}); at low rates every change goes out at once. So
 * the push work is bounded by (facilities + signs) x clients / interval, whatever the input rate.
 *
 * <p>Slow readers: while a client's socket keeps up, each frame is written at once. When its write
 * queue is full, frames wait per client keyed by facility (or sign), the newest replacing the older
 * one ({@code parkleit_dashboard_live_coalesced_total}), so a client that falls behind later gets the
 * current state of each facility, not a backlog. A client behind for longer than
 * {@link Limits#maxBehind()}, or with more than {@link Limits#maxPending()} distinct frames waiting,
 * is disconnected ({@code parkleit_dashboard_live_dropped_total{reason}}); its browser reconnects and
 * gets a fresh snapshot. Other clients are not held up by it: the work per event and client is one
 * map insert.
 */
public final class LiveStreamHandler {

    public static final String PATH = "/api/v1/live";
    private static final long HEARTBEAT_MS = 15_000;
    private static final long SWEEP_MS = 1_000;

    /**
     * How often a facility's state goes out ({@code minInterval}: a change within that time of the
     * facility's previous frame waits, and only the newest waiting one is sent when it is over; zero
     * sends every change), and how far a client may fall behind before it is disconnected.
     */
    public record Limits(Duration minInterval, int maxPending, Duration maxBehind) {
        public static final Limits DEFAULT = new Limits(Duration.ofMillis(250), 10_000, Duration.ofSeconds(30));
    }

    private final Vertx vertx;
    private final LiveBoard view;
    private final int maxStreams;
    private final Limits limits;
    private final Map<HttpServerResponse, LiveClient> clients = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> extraSnapshots = new LinkedHashMap<>();
    private final Map<String, Long> lastSentNanos = new java.util.HashMap<>();
    private final Map<String, Supplier<String>> waiting = new LinkedHashMap<>();
    private long stateTimer = -1;
    private final Counter throttled;
    private final Counter coalesced;
    private final Counter droppedSlow;
    private final Counter droppedOverflow;
    private long heartbeatTimer = -1;
    private long sweepTimer = -1;

    public LiveStreamHandler(Vertx vertx, LiveBoard view, int maxStreams, MeterRegistry registry) {
        this(vertx, view, maxStreams, registry, Limits.DEFAULT);
    }

    public LiveStreamHandler(Vertx vertx, LiveBoard view, int maxStreams, MeterRegistry registry, Limits limits) {
        this.vertx = vertx;
        this.view = view;
        this.maxStreams = maxStreams;
        this.limits = limits;
        view.addListener(this::broadcast);
        Gauge.builder("parkleit.dashboard.live.clients", clients, Map::size)
                .description("open live-push (SSE) connections").register(registry);
        Gauge.builder("parkleit.dashboard.live.pending", clients, c -> c.values().stream().mapToInt(LiveClient::pending).sum())
                .description("live-push frames waiting for slow clients (at most one per facility or sign and client)")
                .register(registry);
        coalesced = Counter.builder("parkleit.dashboard.live.coalesced")
                .description("live-push frames replaced by a newer one for the same facility or sign before a slow client took them")
                .register(registry);
        throttled = Counter.builder("parkleit.dashboard.live.throttled")
                .description("facility state and sign changes not pushed because a newer one followed within the minimum interval")
                .register(registry);
        droppedSlow = dropped(registry, "too_slow");
        droppedOverflow = dropped(registry, "buffer_full");
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder("parkleit.dashboard.live.dropped").tag("reason", reason)
                .description("live-push clients disconnected because they could not keep up").register(registry);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::open);
        heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
        sweepTimer = vertx.setPeriodic(SWEEP_MS, id -> sweep());
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
        clients.put(r, new LiveClient(r, limits.maxPending()));
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

    /** A facility changed: its newest state goes out now or, within the minimum interval, when that is over. */
    private void broadcast(String facilityId) {
        throttle("state/" + facilityId, () -> "event: state\ndata: " + FacilityJson.of(view, facilityId).encode() + "\n\n");
    }

    /**
     * Sends the frame of {@code key} now, unless the previous frame of that key went out less than
     * the minimum interval ago: then it waits (a newer frame of the key replaces it) until the
     * interval is over. {@code frame} is evaluated when the frame goes out.
     */
    private void throttle(String key, Supplier<String> frame) {
        if (clients.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long interval = limits.minInterval().toNanos();
        Long last = lastSentNanos.get(key);
        if (waiting.containsKey(key)) {
            waiting.put(key, frame);
            throttled.increment();
        } else if (interval <= 0 || last == null || now - last >= interval) {
            lastSentNanos.put(key, now);
            sendToAll(key, frame.get());
        } else {
            waiting.put(key, frame);
            if (stateTimer < 0) {
                stateTimer = vertx.setTimer(Math.max(1, (last + interval - now) / 1_000_000), id -> flushWaiting());
            }
        }
    }

    /** Sends the waiting frames whose interval is over; re-arms the timer for the rest. */
    private void flushWaiting() {
        stateTimer = -1;
        long now = System.nanoTime();
        long interval = limits.minInterval().toNanos();
        long nextDue = Long.MAX_VALUE;
        for (java.util.Iterator<Map.Entry<String, Supplier<String>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Supplier<String>> e = it.next();
            long due = lastSentNanos.getOrDefault(e.getKey(), 0L) + interval;
            if (due <= now) {
                it.remove();
                if (!clients.isEmpty()) {
                    lastSentNanos.put(e.getKey(), now);
                    sendToAll(e.getKey(), e.getValue().get());
                }
            } else {
                nextDue = Math.min(nextDue, due);
            }
        }
        if (nextDue != Long.MAX_VALUE) {
            stateTimer = vertx.setTimer(Math.max(1, (nextDue - now) / 1_000_000), id -> flushWaiting());
        }
    }

    /**
     * Sends a named event with a JSON payload to every client (signs use it); {@code key} names what
     * it describes: per key at most one event per minimum interval, and a slow client gets only the
     * newest event per key.
     */
    public void publish(String event, String key, String json) {
        throttle(event + "/" + key, () -> "event: " + event + "\ndata: " + json + "\n\n");
    }

    private void sendToAll(String key, String frame) {
        long now = System.nanoTime();
        for (LiveClient c : List.copyOf(clients.values())) {
            switch (c.offer(key, frame, now)) {
                case COALESCED -> coalesced.increment();
                case OVERFLOW -> drop(c, droppedOverflow);
                default -> {
                }
            }
        }
    }

    private void heartbeat() {
        for (LiveClient c : List.copyOf(clients.values())) {
            if (c.idle()) {
                c.response().write(": keep-alive\n\n");
            }
        }
    }

    /** Disconnects clients that have been behind for longer than allowed. */
    private void sweep() {
        long now = System.nanoTime();
        long max = limits.maxBehind().toNanos();
        for (LiveClient c : List.copyOf(clients.values())) {
            if (c.behindNanos(now) > max) {
                drop(c, droppedSlow);
            }
        }
    }

    private void drop(LiveClient c, Counter why) {
        if (clients.remove(c.response()) != null) {
            why.increment();
            c.response().reset();
        }
    }

    /** Ends every stream and the timers (on stop). */
    public void closeAll() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (stateTimer >= 0) {
            vertx.cancelTimer(stateTimer);
        }
        for (HttpServerResponse r : List.copyOf(clients.keySet())) {
            r.end();
        }
        clients.clear();
    }
}
