package de.parkleit.feeds.service;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.feeds.CappedInputStream;
import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedReadings;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.FeedSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Polls one feed like a gateway: fetches ({@link FeedFetcher}: HTTP(S) with If-None-Match / If-Modified-Since,
 * client certificate if configured, or a file), parses on a worker thread, maps and validates, and publishes
 * each new status as a native occupancy payload on the normal topic. Errors back off (doubling up
 * to 16 intervals); the previous state stays; every reject is counted by reason and logged once per
 * reason and site. A reading whose publish fails (broker away) is kept, at most {@link #MAX_PENDING}, and sent
 * again before anything else on the next poll, also when the source answers 304.
 *
 * <p>Everything runs on the context the poller was made on (the verticle's, in a node): {@link #poll()} called
 * from elsewhere hops there first.
 */
public final class FeedPoller {

    /** Readings kept for a retry at most; beyond, the oldest are dropped and counted. */
    public static final int MAX_PENDING = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final Vertx vertx;
    private final Context context;
    private final FeedSource source;
    private final Topics topics;
    private final BiFunction<String, byte[], Future<Void>> publish;
    private final MeterRegistry registry;
    private final Clock clock;
    private final FeedReadings readings;
    private final FeedFetcher fetcher;
    private final Set<String> logged = new HashSet<>();
    private final FeedHealth health;
    private final AtomicLong lastSuccessEpochS = new AtomicLong();
    private final AtomicLong sites = new AtomicLong();
    private final ArrayDeque<OccupancyReading> pending = new ArrayDeque<>();
    private final AtomicLong pendingCount = new AtomicLong();
    private final Counter published;
    private final Counter polls;
    private final Counter publishFailures;
    private final Counter pendingDropped;
    private final Counter frozen;
    private int failures;
    private long timer = -1;
    private boolean stopped;

    /** As below, with secrets (the PKCS#12 password) from the process environment and no node stale-after. */
    public FeedPoller(Vertx vertx, FeedSource source, Topics topics, BiFunction<String, byte[], Future<Void>> publish,
                      MeterRegistry registry, Clock clock) {
        this(vertx, source, topics, publish, registry, clock, System::getenv, Duration.ZERO);
    }

    /** As below, with no node stale-after (a source's staleAfter is then its whole limit). */
    public FeedPoller(Vertx vertx, FeedSource source, Topics topics, BiFunction<String, byte[], Future<Void>> publish,
                      MeterRegistry registry, Clock clock, Function<String, String> secrets) {
        this(vertx, source, topics, publish, registry, clock, secrets, Duration.ZERO);
    }

    /**
     * @param publish        sends (topic, payload); in a node this is the MQTT connection's QoS 1 publish
     * @param secrets        looks up an environment variable by name ({@code tls.passwordEnv}); null when unset
     * @param nodeStaleAfter the node's stale-after, against which the source's own {@code staleAfter} is applied
     */
    public FeedPoller(Vertx vertx, FeedSource source, Topics topics, BiFunction<String, byte[], Future<Void>> publish,
                      MeterRegistry registry, Clock clock, Function<String, String> secrets, Duration nodeStaleAfter) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.source = source;
        this.topics = topics;
        this.publish = publish;
        this.registry = registry;
        this.clock = clock;
        this.readings = new FeedReadings(source.idMap(), source.identityIds(), source.maxFuture(), source.staleAfter(),
                nodeStaleAfter);
        this.fetcher = new FeedFetcher(context, source, secrets);
        this.health = new FeedHealth(source.format().configName(), source.url() == null ? "file " + source.file()
                : source.url().replaceFirst("[?#].*$", ""), pendingCount::get);
        this.published = Counter.builder("parkleit.feed.readings").tag("source", source.name())
                .description("readings a feed adapter published").register(registry);
        this.polls = Counter.builder("parkleit.feed.polls").tag("source", source.name())
                .description("polls of a feed that returned a payload").register(registry);
        this.publishFailures = Counter.builder("parkleit.feed.publish.failures").tag("source", source.name())
                .description("publishes of a reading that failed (kept and sent again on the next poll)").register(registry);
        this.pendingDropped = Counter.builder("parkleit.feed.publish.dropped").tag("source", source.name())
                .description("readings dropped because more than " + MAX_PENDING + " waited for a retry").register(registry);
        this.frozen = Counter.builder("parkleit.feed.frozen").tag("source", source.name())
                .description("site statuses held back: values unchanged for longer than the source's staleAfter").register(registry);
        Gauge.builder("parkleit.feed.sites", sites, AtomicLong::get).tag("source", source.name())
                .description("sites in the last payload").register(registry);
        Gauge.builder("parkleit.feed.pending", pendingCount, AtomicLong::get).tag("source", source.name())
                .description("readings waiting to be published again").register(registry);
        Gauge.builder("parkleit.feed.last.success", lastSuccessEpochS, AtomicLong::get).tag("source", source.name())
                .description("epoch seconds of the last payload read without a payload-level reject").register(registry);
    }

    /** Starts polling now, then every interval (longer after errors). */
    public void start() {
        poll();
    }

    public Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            fetcher.close().onComplete(done);
        });
        return done.future();
    }

    /** One poll; the returned future completes when its readings are handed to the publisher. Never fails. */
    public Future<Void> poll() {
        if (Vertx.currentContext() == context) {
            return pollHere();
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> pollHere().onComplete(done));
        return done.future();
    }

    private Future<Void> pollHere() {
        return resendPending().compose(v -> fetcher.fetch()).compose(body -> {
            if (body == null) {
                health.notModified(clock.instant());
                return Future.succeededFuture(); // 304 Not Modified
            }
            polls.increment();
            return vertx.executeBlocking(() -> parse(body), false).compose(this::publishAll);
        }).andThen(ar -> {
            if (ar.failed()) {
                failures++;
                String reason = ar.cause() instanceof FeedFormatException f ? f.reason() : "fetch";
                health.failed(clock.instant(), reason);
                rejectOnce(reason, null, String.valueOf(ar.cause().getMessage()));
            } else {
                failures = 0;
            }
            schedule();
        }).recover(e -> Future.succeededFuture());
    }

    private void schedule() {
        if (stopped) {
            return;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer); // a poll asked for from outside replaces the scheduled one
        }
        long ms = source.interval().toMillis() * (1L << Math.min(failures, 4));
        timer = vertx.setTimer(Math.max(1, ms), id -> {
            timer = -1;
            poll();
        });
    }

    private FeedSnapshot parse(Buffer body) throws FeedFormatException {
        return source.format().parser().parse(
                new CappedInputStream(new ByteArrayInputStream(body.getBytes()), source.maxBytes()));
    }

    private Future<Void> publishAll(FeedSnapshot snap) {
        Instant now = clock.instant();
        FeedReadings.Result res = readings.apply(snap, now);
        sites.set(snap.sites().size());
        lastSuccessEpochS.set(now.getEpochSecond());
        health.succeeded(now, snap.sites().size(), res.unchanged());
        if (res.frozen() > 0) {
            frozen.increment(res.frozen());
            health.frozen(res.frozen());
        }
        for (FeedProblem p : res.rejects()) {
            rejectOnce(p.reason(), p.sourceId(), p.detail());
        }
        return publishEach(res.readings());
    }

    /** The readings kept from failed publishes, oldest first, before anything newer. */
    private Future<Void> resendPending() {
        if (pending.isEmpty()) {
            return Future.succeededFuture();
        }
        List<OccupancyReading> again = new ArrayList<>(pending);
        pending.clear();
        pendingCount.set(0);
        return publishEach(again);
    }

    /** Publishes one after the other; a failed one is kept for the next poll and the rest still go out. */
    private Future<Void> publishEach(List<OccupancyReading> list) {
        Future<Void> all = Future.succeededFuture();
        for (OccupancyReading r : list) {
            all = all.compose(v -> send(r));
        }
        return all;
    }

    private Future<Void> send(OccupancyReading r) {
        Future<Void> sent;
        try {
            sent = publish.apply(topics.occupancy(r.facilityId()), ReadingCodec.encode(r));
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.transform(ar -> {
            if (ar.succeeded()) {
                published.increment();
                health.published();
            } else {
                publishFailures.increment();
                keep(r);
                if (logged.add("publish|" + r.facilityId())) {
                    LOG.warn("feed {}: publishing the reading of {} failed ({}); kept and sent again on the next poll"
                            + " (logged once per facility)", source.name(), r.facilityId(), ar.cause().getMessage());
                }
            }
            return Future.succeededFuture();
        });
    }

    private void keep(OccupancyReading r) {
        pending.addLast(r);
        while (pending.size() > MAX_PENDING) {
            pending.removeFirst();
            pendingDropped.increment();
        }
        pendingCount.set(pending.size());
    }

    private void rejectOnce(String reason, String siteId, String detail) {
        Counter.builder("parkleit.feed.rejects").tag("source", source.name()).tag("reason", reason)
                .description("payloads or sites of a feed rejected, by reason").register(registry).increment();
        health.rejected(reason);
        if (logged.add(reason + "|" + siteId)) {
            LOG.warn("feed {}: rejected ({}){}: {} (logged once per reason and site)", source.name(), reason,
                    siteId == null ? "" : " site " + siteId, detail);
        }
    }

    /** Readings whose publish failed and that wait for the next poll. */
    public int pendingReadings() {
        return (int) pendingCount.get();
    }

    /** Last success, sites, readings and rejects by reason of this feed. */
    public FeedHealth health() {
        return health;
    }

    public String name() {
        return source.name();
    }

    public long lastSuccessEpochSeconds() {
        return lastSuccessEpochS.get();
    }

    public Duration interval() {
        return source.interval();
    }
}
