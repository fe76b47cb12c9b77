package de.parkleit.bench.ingest;

import de.parkleit.core.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code k} {@link LoadPublisher}s, each on its own connection and thread, splitting one flood:
 * publisher {@code p} sends the readings {@code i} with {@code i % k == p}. With {@code k}
 * dividing the number of facilities, every facility's readings come from one publisher, in order.
 */
final class Publishers implements AutoCloseable {

    private final List<LoadPublisher> publishers = new ArrayList<>();
    private final ExecutorService threads;

    Publishers(String url, int k) throws Exception {
        for (int p = 0; p < k; p++) {
            publishers.add(new LoadPublisher(url));
        }
        threads = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, "bench-publisher");
            t.setDaemon(true);
            return t;
        });
    }

    int size() {
        return publishers.size();
    }

    /** Publishes {@code n} readings as fast as the publishers' windows allow; returns the seconds until the last was confirmed. */
    double flood(Topics topics, int n, int facilities, Instant base, int qos) throws Exception {
        return flood(topics, n, facilities, base, qos, 1);
    }

    /** The same with {@code pack} readings per message ({@link LoadPublisher#flood(Topics, int, int, Instant, int, int, int, int)}). */
    double flood(Topics topics, int n, int facilities, Instant base, int qos, int pack) throws Exception {
        if (facilities % publishers.size() != 0) {
            throw new IllegalArgumentException(publishers.size() + " publishers do not divide " + facilities + " facilities");
        }
        long t0 = System.nanoTime();
        List<Future<Double>> done = new ArrayList<>();
        int k = publishers.size();
        for (int p = 0; p < k; p++) {
            LoadPublisher pub = publishers.get(p);
            int first = p;
            done.add(threads.submit(() -> pub.flood(topics, n, facilities, base, qos, first, k, pack)));
        }
        for (Future<Double> f : done) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() throws Exception {
        threads.shutdownNow();
        for (LoadPublisher p : publishers) {
            p.close();
        }
    }
}
