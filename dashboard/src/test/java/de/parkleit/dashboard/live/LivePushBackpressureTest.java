package de.parkleit.dashboard.live;

import de.parkleit.core.live.LiveBoard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.DashboardFixture;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live push under overload: 20,000 state changes (about 8 MB of frames per client) pushed as fast as
 * the event loop can apply them, to a client that reads and one that does not.
 */
class LivePushBackpressureTest {

    static final int CHANGES = 20_000;
    static final int BATCH = 500;

    final Vertx vertx = Vertx.vertx();
    final Context context = vertx.getOrCreateContext();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final List<Facility> facilities = DashboardFixture.heidelberg().facilities();
    final Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
    LiveBoard view;
    int port;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void start(LiveStreamHandler.Limits limits) throws Exception {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        context.runOnContext(v -> {
            view = new LiveBoard(facilities);
            LiveStreamHandler handler = new LiveStreamHandler(vertx, view, 100, registry, limits);
            Router router = Router.router(vertx);
            handler.mount(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router);
            server.listen(0, "127.0.0.1").onSuccess(s -> listening.complete(s.actualPort())).onFailure(listening::completeExceptionally);
        });
        port = listening.get(10, TimeUnit.SECONDS);
    }

    /** Applies the changes on the view's context in batches, so timers and I/O run in between; returns the final free per facility. */
    private int[] pushChanges() throws Exception {
        int[] free = new int[facilities.size()];
        for (int from = 0; from < CHANGES; from += BATCH) {
            int start = from;
            Promise<Void> done = Promise.promise();
            context.runOnContext(v -> {
                for (int i = start; i < start + BATCH; i++) {
                    int f = i % facilities.size();
                    Facility fac = facilities.get(f);
                    int value = i % Math.max(1, fac.capacity());
                    view.apply(new FacilityState(fac.id(), value, fac.capacity(), FacilityStatus.OPEN, Trend.STEADY, t0.plusMillis(i), Set.of()));
                }
                done.complete();
            });
            done.future().await(10, TimeUnit.SECONDS);
        }
        for (int i = CHANGES - facilities.size(); i < CHANGES; i++) {
            Facility fac = facilities.get(i % facilities.size());
            free[i % facilities.size()] = i % Math.max(1, fac.capacity());
        }
        return free;
    }

    /** How long the event loop takes to run a task right now. */
    private long eventLoopDelayMs() throws Exception {
        long t = System.nanoTime();
        Promise<Void> p = Promise.promise();
        context.runOnContext(v -> p.complete());
        p.future().await(10, TimeUnit.SECONDS);
        return (System.nanoTime() - t) / 1_000_000;
    }

    private double metric(String prefix) {
        return registry.scrape().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndHoldsUpNeitherOthersNorTheEventLoop() throws Exception {
        start(new LiveStreamHandler.Limits(Duration.ZERO, 10_000, Duration.ofSeconds(2)));
        try (SseSocketClient stuck = new SseSocketClient(port, true); SseSocketClient reader = new SseSocketClient(port, false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("parkleit_dashboard_live_clients") == 2);
            long started = System.nanoTime();
            int[] expected = pushChanges();
            long pushMs = (System.nanoTime() - started) / 1_000_000;
            // the stuck client holds at most one frame per facility, never the 20,000 changes
            assertThat(metric("parkleit_dashboard_live_pending")).isLessThanOrEqualTo(2.0 * facilities.size());
            assertThat(eventLoopDelayMs()).as("event loop answers while a client is stuck").isLessThan(1_000);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (int f = 0; f < facilities.size(); f++) {
                    assertThat(reader.lastFree(facilities.get(f).id())).as(facilities.get(f).id()).isEqualTo(expected[f]);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("parkleit_dashboard_live_dropped_total{reason=\"too_slow\"}") == 1.0);
            assertThat(metric("parkleit_dashboard_live_clients")).isEqualTo(1.0);
            assertThat(reader.open()).isTrue();
            stuck.pause(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stuck.open());
            System.out.printf("live push: %d changes applied in %d ms; reader got %d state frames and the final state of all %d facilities;"
                    + " stuck client dropped (too_slow); %.0f frames coalesced%n", CHANGES, pushMs, reader.stateFrames(), facilities.size(),
                    metric("parkleit_dashboard_live_coalesced_total"));
        }
    }

    @Test
    void aClientThatFallsBehindGetsTheLatestStatePerFacilityNotTheBacklog() throws Exception {
        start(new LiveStreamHandler.Limits(Duration.ZERO, 10_000, Duration.ofSeconds(60)));
        try (SseSocketClient slow = new SseSocketClient(port, true)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("parkleit_dashboard_live_clients") == 1);
            int[] expected = pushChanges();
            assertThat(metric("parkleit_dashboard_live_coalesced_total")).isPositive();
            slow.pause(false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (int f = 0; f < facilities.size(); f++) {
                    assertThat(slow.lastFree(facilities.get(f).id())).as(facilities.get(f).id()).isEqualTo(expected[f]);
                }
            });
            assertThat(slow.open()).isTrue();
            assertThat(slow.stateFrames()).as("frames received by the client that fell behind").isLessThan(CHANGES);
            assertThat(metric("parkleit_dashboard_live_dropped_total")).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> metric("parkleit_dashboard_live_pending") == 0.0);
            System.out.printf("live push: client paused during %d changes got %d state frames after resuming, ending with the current state"
                    + " of every facility; %.0f coalesced%n", CHANGES, slow.stateFrames(), metric("parkleit_dashboard_live_coalesced_total"));
        }
    }

    @Test
    void eachFacilityIsPushedAtMostOncePerIntervalAndEndsWithItsNewestState() throws Exception {
        start(new LiveStreamHandler.Limits(Duration.ofMillis(250), 10_000, Duration.ofSeconds(30)));
        try (SseSocketClient reader = new SseSocketClient(port, false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("parkleit_dashboard_live_clients") == 1);
            long started = System.nanoTime();
            int[] expected = pushChanges();
            long pushMs = (System.nanoTime() - started) / 1_000_000;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (int f = 0; f < facilities.size(); f++) {
                    assertThat(reader.lastFree(facilities.get(f).id())).as(facilities.get(f).id()).isEqualTo(expected[f]);
                }
            });
            Thread.sleep(500);
            long frames = reader.stateFrames();
            // at most one frame per facility per 250 ms, plus the first and the trailing one
            assertThat(frames).isLessThanOrEqualTo(facilities.size() * (pushMs / 250 + 2));
            assertThat(metric("parkleit_dashboard_live_throttled_total")).isPositive();
            System.out.printf("live push: %d changes in %d ms, 250 ms interval: the reader got %d state frames (at most %d allowed), ending with"
                    + " the current state of every facility; %.0f changes throttled%n", CHANGES, pushMs, frames,
                    facilities.size() * (pushMs / 250 + 2), metric("parkleit_dashboard_live_throttled_total"));
        }
    }
}
