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
import de.parkleit.feeds.Reasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Polls one feed like a gateway: fetches (HTTP(S) with If-None-Match / If-Modified-Since, client
 * certificate if configured, or a file), parses on a worker thread, maps and validates, and publishes
 * each new status as a native occupancy payload on the normal topic. Errors back off (doubling up
 * to 16 intervals); the previous state stays; every reject is counted by reason and logged once per
 * reason and site.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final Vertx vertx;
    private final FeedSource source;
    private final Topics topics;
    private final BiFunction<String, byte[], Future<Void>> publish;
    private final MeterRegistry registry;
    private final Clock clock;
    private final FeedReadings readings;
    private final HttpClient http;
    private final Set<String> logged = new HashSet<>();
    private final FeedHealth health;
    private final AtomicLong lastSuccessEpochS = new AtomicLong();
    private final AtomicLong sites = new AtomicLong();
    private final Counter published;
    private final Counter polls;
    private String etag;
    private String lastModified;
    private int failures;
    private long timer = -1;
    private boolean stopped;

    /** As below, with secrets (the PKCS#12 password) from the process environment. */
    public FeedPoller(Vertx vertx, FeedSource source, Topics topics, BiFunction<String, byte[], Future<Void>> publish,
                      MeterRegistry registry, Clock clock) {
        this(vertx, source, topics, publish, registry, clock, System::getenv);
    }

    /**
     * @param publish sends (topic, payload); in a node this is the MQTT connection's QoS 1 publish
     * @param secrets looks up an environment variable by name ({@code tls.passwordEnv}); null when unset
     */
    public FeedPoller(Vertx vertx, FeedSource source, Topics topics, BiFunction<String, byte[], Future<Void>> publish,
                      MeterRegistry registry, Clock clock, Function<String, String> secrets) {
        this.vertx = vertx;
        this.source = source;
        this.topics = topics;
        this.publish = publish;
        this.registry = registry;
        this.clock = clock;
        this.readings = new FeedReadings(source.idMap(), source.identityIds(), source.maxFuture());
        this.http = source.url() == null ? null : vertx.createHttpClient(httpOptions(source, secrets));
        this.health = new FeedHealth(source.format().configName(), source.url() == null ? "file " + source.file()
                : source.url().replaceFirst("[?#].*$", ""));
        this.published = Counter.builder("parkleit.feed.readings").tag("source", source.name())
                .description("readings a feed adapter published").register(registry);
        this.polls = Counter.builder("parkleit.feed.polls").tag("source", source.name())
                .description("polls of a feed that returned a payload").register(registry);
        Gauge.builder("parkleit.feed.sites", sites, AtomicLong::get).tag("source", source.name())
                .description("sites in the last payload").register(registry);
        Gauge.builder("parkleit.feed.last.success", lastSuccessEpochS, AtomicLong::get).tag("source", source.name())
                .description("epoch seconds of the last payload read without a payload-level reject").register(registry);
    }

    static HttpClientOptions httpOptions(FeedSource s, Function<String, String> secrets) {
        HttpClientOptions o = new HttpClientOptions().setConnectTimeout(10_000).setIdleTimeout(30);
        if (s.url() != null && s.url().startsWith("https:")) {
            o.setSsl(true);
            if (s.pkcs12() != null) {
                String pw = s.passwordEnv() == null ? null : secrets.apply(s.passwordEnv());
                o.setKeyCertOptions(new PfxOptions().setPath(s.pkcs12().toString()).setPassword(pw));
            } else if (s.pemCert() != null && s.pemKey() != null) {
                o.setKeyCertOptions(new PemKeyCertOptions().setCertPath(s.pemCert().toString())
                        .setKeyPath(s.pemKey().toString()));
            }
            if (s.trustCa() != null) {
                o.setTrustOptions(new PemTrustOptions().addCertPath(s.trustCa().toString()));
            }
        }
        return o;
    }

    /** Starts polling now, then every interval (longer after errors). */
    public void start() {
        poll();
    }

    public Future<Void> stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return http == null ? Future.succeededFuture() : http.close();
    }

    /** One poll; the returned future completes when its readings are handed to the publisher. */
    public Future<Void> poll() {
        return fetch().compose(body -> {
            if (body == null) {
                health.notModified(clock.instant());
                return Future.succeededFuture(); // 304 Not Modified
            }
            polls.increment();
            return vertx.executeBlocking(() -> parse(body), false).compose(this::publishAll);
        }).andThen(ar -> {
            if (ar.failed()) {
                failures++;
                health.failed(clock.instant(), ar.cause() instanceof FeedFormatException f ? f.reason() : "fetch");
                rejectOnce(ar.cause() instanceof FeedFormatException f ? f.reason() : "fetch", null,
                        String.valueOf(ar.cause().getMessage()));
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
        long ms = source.interval().toMillis() * (1L << Math.min(failures, 4));
        timer = vertx.setTimer(Math.max(1, ms), id -> poll());
    }

    private Future<Buffer> fetch() {
        if (http == null) {
            return vertx.fileSystem().readFile(source.file().toString());
        }
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(source.url())
                .setTimeout(30_000);
        if (etag != null) {
            ro.addHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            ro.addHeader("If-Modified-Since", lastModified);
        }
        return http.request(ro).compose(req -> req.send()).compose(resp -> {
            if (resp.statusCode() == 304) {
                return resp.end().map(v -> (Buffer) null);
            }
            if (resp.statusCode() != 200) {
                return resp.end().transform(x -> Future.failedFuture(
                        new FeedFormatException("http_" + resp.statusCode(), "HTTP " + resp.statusCode() + " from " + source.url())));
            }
            String len = resp.getHeader("Content-Length");
            if (len != null && Long.parseLong(len.trim()) > source.maxBytes()) {
                resp.request().reset();
                return Future.failedFuture(new FeedFormatException(Reasons.TOO_LARGE,
                        "Content-Length " + len + " > cap " + source.maxBytes()));
            }
            String newEtag = resp.getHeader("ETag");
            String newLm = resp.getHeader("Last-Modified");
            return cappedBody(resp).map(b -> {
                etag = newEtag;
                lastModified = newLm;
                return b;
            });
        });
    }

    /** The body, failed with {@code too_large} as soon as more than {@code maxBytes} arrived (a body without or with a false length). */
    private Future<Buffer> cappedBody(HttpClientResponse resp) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > source.maxBytes()) {
                done.tryFail(new FeedFormatException(Reasons.TOO_LARGE,
                        "body passed the cap of " + source.maxBytes() + " bytes while streaming"));
                resp.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        resp.exceptionHandler(e -> done.tryFail(e));
        resp.endHandler(v -> done.tryComplete(body));
        return done.future();
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
        for (FeedProblem p : res.rejects()) {
            rejectOnce(p.reason(), p.sourceId(), p.detail());
        }
        Future<Void> all = Future.succeededFuture();
        for (OccupancyReading r : res.readings()) {
            all = all.compose(v -> publish.apply(topics.occupancy(r.facilityId()), ReadingCodec.encode(r)))
                    .andThen(ar -> {
                        if (ar.succeeded()) {
                            published.increment();
                            health.published();
                        }
                    });
        }
        return all;
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
