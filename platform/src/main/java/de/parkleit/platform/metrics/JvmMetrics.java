package de.parkleit.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadChecker;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's own meters on {@code /metrics}: memory pools and buffers, GC pauses, threads, class
 * loading, CPU (process and system) and uptime (Micrometer's binders), plus
 * {@code parkleit_vertx_blocked_threads_total{pool}}: how often Vert.x's blocked-thread checker
 * found an event loop or worker thread over its limit. The checker's warning is still logged as
 * Vert.x does (stack trace once a thread is blocked past the warning-exception time). Close it to
 * stop the GC listener.
 */
public final class JvmMetrics implements AutoCloseable {

    private static final Logger BLOCKED = LoggerFactory.getLogger(BlockedThreadChecker.LOGGER_NAME);

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmMetrics() {
    }

    /** Binds the JVM meters to {@code registry}; with {@code vertx} non-null also counts blocked Vert.x threads. */
    public static JvmMetrics bind(MeterRegistry registry, Vertx vertx) {
        JvmMetrics m = new JvmMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        m.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (vertx instanceof VertxInternal internal && internal.blockedThreadChecker() != null) {
            Counter eventLoop = blockedCounter(registry, "event-loop");
            Counter worker = blockedCounter(registry, "worker");
            internal.blockedThreadChecker().setThreadBlockedHandler(e -> {
                (e.thread().getName().contains("eventloop") ? eventLoop : worker).increment();
                log(e);
            });
        }
        return m;
    }

    private static Counter blockedCounter(MeterRegistry registry, String pool) {
        return Counter.builder("parkleit.vertx.blocked.threads").tag("pool", pool)
                .description("times the Vert.x blocked-thread checker found a thread over its limit")
                .register(registry);
    }

    /** The same warning Vert.x's default handler logs. */
    private static void log(BlockedThreadEvent e) {
        String msg = "Thread " + e.thread().getName() + " has been blocked for " + TimeUnit.NANOSECONDS.toMillis(e.duration())
                + " ms, time limit is " + TimeUnit.NANOSECONDS.toMillis(e.maxExecTime()) + " ms";
        if (e.duration() <= e.warningExceptionTime()) {
            BLOCKED.warn(msg);
        } else {
            Exception stack = new Exception("Thread blocked");
            stack.setStackTrace(e.thread().getStackTrace());
            BLOCKED.warn(msg, stack);
        }
    }

    @Override
    public void close() {
        gc.close();
    }
}
