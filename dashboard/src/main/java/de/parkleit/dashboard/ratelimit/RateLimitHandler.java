package de.parkleit.dashboard.ratelimit;

import de.parkleit.platform.http.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 429} problem JSON with {@code Retry-After} when a client exceeds its budget. Each
 * verticle instance limits on its own: with N instances behind one port a client gets up to N times
 * the budget, which is the price of keeping the limiter lock-free.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

    private static final int MAX_CLIENTS = 100_000;

    private final TokenBuckets buckets;
    private final boolean trustForwardedFor;
    private final Counter rejected;

    public RateLimitHandler(int perMinute, int burst, boolean trustForwardedFor, MeterRegistry registry, String scope) {
        this.buckets = new TokenBuckets(perMinute, burst, MAX_CLIENTS);
        this.trustForwardedFor = trustForwardedFor;
        this.rejected = Counter.builder("parkleit.dashboard.http.rate.limited").tag("scope", scope)
                .description("requests answered 429 by the per-client rate limit").register(registry);
    }

    @Override
    public void handle(RoutingContext ctx) {
        long waitMs = buckets.tryAcquire(clientKey(ctx), System.nanoTime());
        if (waitMs == 0) {
            ctx.next();
            return;
        }
        rejected.increment();
        ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (waitMs + 999) / 1000)));
        Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                "this client sent more requests than the public API allows; retry after the Retry-After seconds");
    }

    String clientKey(RoutingContext ctx) {
        if (trustForwardedFor) {
            String xff = ctx.request().getHeader("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String first = xff.split(",", 2)[0].strip();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
