package de.parkleit.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

    Vertx vertx;

    @AfterEach
    void close() throws Exception {
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void exposesJvmMetersInPrometheusFormat() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmMetrics m = JvmMetrics.bind(registry, null)) {
            String text = registry.scrape();
            assertThat(text).contains(
                    "jvm_memory_used_bytes{area=\"heap\"",
                    "jvm_memory_max_bytes",
                    "jvm_buffer_memory_used_bytes",
                    "jvm_gc_memory_allocated_bytes_total",
                    "jvm_gc_live_data_size_bytes",
                    "jvm_threads_live_threads",
                    "jvm_threads_states_threads{state=\"runnable\"}",
                    "jvm_classes_loaded_classes",
                    "system_cpu_count",
                    "process_cpu_usage",
                    "process_uptime_seconds",
                    "process_start_time_seconds");
            assertThat(value(text, "jvm_threads_live_threads")).isPositive();
            assertThat(value(text, "process_uptime_seconds")).isPositive();
        }
    }

    @Test
    void countsBlockedEventLoopThreads() {
        vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmMetrics m = JvmMetrics.bind(registry, vertx)) {
            assertThat(value(registry.scrape(), "parkleit_vertx_blocked_threads_total{pool=\"event-loop\"}")).isZero();
            // deliberately blocks an event loop: this is what the meter must see
            vertx.runOnContext(v -> sleep(600));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(value(registry.scrape(), "parkleit_vertx_blocked_threads_total{pool=\"event-loop\"}")).isPositive());
            assertThat(value(registry.scrape(), "parkleit_vertx_blocked_threads_total{pool=\"worker\"}")).isZero();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The value of the first sample line starting with {@code prefix}; -1 when there is none. */
    static double value(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }
}
