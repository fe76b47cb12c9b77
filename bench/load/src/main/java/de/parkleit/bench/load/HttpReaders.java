package de.parkleit.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * HTTP readers of the public API at a fixed total rate: each of N readers (own client, own connection)
 * sends every N/rate seconds, alternating the facility list and one facility. A reader that falls
 * behind catches up for at most one second's worth of requests and then drops the missed ones, so the
 * achieved rate shows a server that cannot keep up. Rate 0: no pacing, each reader loops as fast as it can.
 */
final class HttpReaders {
    final ConcurrentHistogram latency = new ConcurrentHistogram(3);
    final AtomicLong ok = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final String http;
    private final java.util.function.IntFunction<String> paths;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Readers of the public API: the facility list and single facilities in turn. */
    HttpReaders(String http, List<String> facilities) {
        this(http, i -> i % 2 == 0 ? "/api/v1/facilities" : "/api/v1/facilities/" + facilities.get(i % facilities.size()));
    }

    /** @param paths the path of a reader's i-th request */
    HttpReaders(String http, java.util.function.IntFunction<String> paths) {
        this.http = http;
        this.paths = paths;
    }

    /** Reads until {@code endNanos} (System.nanoTime()) or {@link #stop()}. */
    void start(int readers, double totalRate, long endNanos) {
        long intervalNanos = totalRate <= 0 ? 0 : (long) (1e9 * readers / totalRate);
        for (int i = 0; i < readers; i++) {
            long offset = intervalNanos * i / Math.max(1, readers); // spread the readers over one interval
            Thread t = new Thread(() -> read(intervalNanos, offset, endNanos), "http-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    long requests() {
        return ok.get() + errors.get();
    }

    void stop() {
        running = false;
    }

    private void read(long intervalNanos, long offset, long endNanos) {
        HttpClient client = LoadRun.newClient();
        long next = System.nanoTime() + offset;
        int i = 0;
        while (running && System.nanoTime() < endNanos) {
            if (intervalNanos > 0) {
                long now = System.nanoTime();
                if (next - now > 0) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next = now - next > 1_000_000_000L ? now + intervalNanos : next + intervalNanos;
            }
            String path = paths.apply(i++);
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(http + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                (r.statusCode() == 200 ? ok : errors).incrementAndGet();
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }
}
