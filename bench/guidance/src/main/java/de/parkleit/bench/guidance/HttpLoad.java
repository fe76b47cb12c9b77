package de.parkleit.bench.guidance;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed rate: request {@code i} is due at {@code start + i / rate} and its
 * latency counts from that moment (not from when it was sent), so a slow answer cannot hide the
 * queueing it causes (no coordinated omission).
 */
final class HttpLoad {

    /** What one phase measured: latency of all answers and of 200 answers, and the status counts. */
    record Result(Samples all, Samples ok, Map<Integer, Integer> statuses, int errors) {
    }

    /** Every request fails after this long without a complete answer (counted as a transport error). */
    static final long REQUEST_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final int port;

    HttpLoad(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(128));
    }

    Result run(double rate, double seconds, IntFunction<String> uri) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        Samples all = new Samples();
        Samples ok = new Samples();
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        AtomicInteger next = new AtomicInteger();
        long timer = vertx.setPeriodic(2, id -> {
            long now = System.nanoTime();
            while (next.get() < total && start + (long) (next.get() * 1e9 / rate) <= now) {
                int i = next.getAndIncrement();
                long due = start + (long) (i * 1e9 / rate);
                client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
                                .setURI(uri.apply(i)).setConnectTimeout(5_000).setTimeout(REQUEST_TIMEOUT_MS))
                        .compose(req -> req.send())
                        .compose(resp -> resp.body().map(b -> resp.statusCode()))
                        .onComplete(ar -> {
                            long latency = System.nanoTime() - due;
                            if (ar.succeeded()) {
                                all.add(latency);
                                if (ar.result() == 200) {
                                    ok.add(latency);
                                }
                                synchronized (statuses) {
                                    statuses.merge(ar.result(), 1, Integer::sum);
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                            done.countDown();
                        });
            }
        });
        boolean finished = done.await((long) (seconds + 60), TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        if (!finished) {
            throw new IllegalStateException("load did not finish: " + done.getCount() + " requests open");
        }
        return new Result(all, ok, statuses, errors.get());
    }
}
