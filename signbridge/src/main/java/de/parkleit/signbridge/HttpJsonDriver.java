package de.parkleit.signbridge;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The {@code http-json} driver: sends each frame as the sign topic's JSON ({@link SignFrameCodec}) to
 * the controller's URL ({@code PUT} or {@code POST}, {@code Content-Type: application/json}, an
 * {@code Authorization} header when configured); the controller answers 2xx with the frame it now
 * displays, in the same JSON. Non-blocking ({@link HttpClient#sendAsync}); each attempt has the
 * timeout, and a timeout, refused connection or 5xx is retried up to {@code retries} times (after 200 ms,
 * 400 ms, ...); a 4xx is not. Reasons: {@code timeout}, {@code unreachable}, {@code http_<status>},
 * {@code bad_echo} (the answer is no frame of this sign), {@code closed}.
 */
public final class HttpJsonDriver implements SignDriver {

    private static final long BACKOFF_MS = 200;

    private final String signId;
    private final HttpJsonSpec spec;
    private final HttpClient http;
    private final Clock clock;
    private final URI uri;
    private volatile boolean open;
    private volatile DriverStatus status = new DriverStatus(false, null, null);

    /** @param http shared by the bridge's drivers */
    public HttpJsonDriver(String signId, HttpJsonSpec spec, HttpClient http, Clock clock) {
        this.signId = signId;
        this.spec = spec;
        this.http = http;
        this.clock = clock;
        this.uri = spec.uriFor(signId);
    }

    @Override
    public String kind() {
        return "http-json";
    }

    /** HTTP has no connection to open: marks the driver open; the first show tells whether the controller answers. */
    @Override
    public CompletionStage<Void> connect() {
        open = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Displayed> show(SignFrame frame) {
        if (!open) {
            return CompletableFuture.failedFuture(new SignDriverException("closed", "http-json driver of " + signId + " is not open"));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(spec.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(spec.method(), HttpRequest.BodyPublishers.ofByteArray(SignFrameCodec.encode(frame)));
        if (spec.authorization() != null) {
            b.header("Authorization", spec.authorization());
        }
        HttpRequest request = b.build();
        return attempt(request, 0).whenComplete((d, e) -> status = e == null
                ? new DriverStatus(true, d.at(), null)
                : new DriverStatus(!"unreachable".equals(SignDriverException.of(e).reason()) && !"timeout".equals(SignDriverException.of(e).reason()),
                        status.lastShown(), SignDriverException.of(e).fault()));
    }

    private CompletableFuture<Displayed> attempt(HttpRequest request, int tried) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((r, e) -> e == null ? decode(r) : CompletableFuture.<Displayed>failedFuture(failure(e)))
                .thenCompose(f -> f)
                .exceptionallyCompose(e -> {
                    SignDriverException x = SignDriverException.of(e);
                    boolean retryable = x.reason().equals("timeout") || x.reason().equals("unreachable") || x.reason().startsWith("http_5");
                    if (!retryable || tried >= spec.retries() || !open) {
                        return CompletableFuture.failedFuture(x);
                    }
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(BACKOFF_MS << tried, TimeUnit.MILLISECONDS))
                            .thenCompose(v -> attempt(request, tried + 1));
                });
    }

    private CompletableFuture<Displayed> decode(HttpResponse<byte[]> r) {
        if (r.statusCode() / 100 != 2) {
            return CompletableFuture.failedFuture(new SignDriverException("http_" + r.statusCode(),
                    "controller " + uri + " answered " + r.statusCode()));
        }
        try {
            SignFrame shown = SignFrameCodec.decode(signId, r.body());
            return CompletableFuture.completedFuture(new Displayed(SignAck.linesOf(shown), clock.instant()));
        } catch (JsonCodecException e) {
            return CompletableFuture.failedFuture(new SignDriverException("bad_echo", "controller " + uri + " answered no frame of "
                    + signId + ": " + e.reason() + ", " + e.getMessage()));
        }
    }

    private SignDriverException failure(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof HttpTimeoutException) {
            return new SignDriverException("timeout", "no answer from " + uri + " within " + spec.timeout().toMillis() + " ms", c);
        }
        if (c instanceof ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
            return new SignDriverException("unreachable", "cannot reach " + uri + ": " + c, c);
        }
        return new SignDriverException("unreachable", "request to " + uri + " failed: " + c, c);
    }

    @Override
    public DriverStatus status() {
        return status;
    }

    @Override
    public void close() {
        open = false;
    }

    /** The configuration of one http-json sign. */
    public record HttpJsonSpec(String url, String method, String authorization, Duration timeout, int retries) {

        public HttpJsonSpec {
            if (url == null || !url.matches("https?://\\S+")) {
                throw new IllegalArgumentException("driverUrl must be an http(s) URL, got " + url);
            }
            if (!"PUT".equals(method) && !"POST".equals(method)) {
                throw new IllegalArgumentException("driverMethod must be PUT or POST, got " + method);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("driverTimeoutMs must be 1..60000, got " + timeout);
            }
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("driverRetries must be 0..10, got " + retries);
            }
        }

        /** The URL with {@code {sign}} replaced by the sign id. */
        URI uriFor(String signId) {
            return URI.create(url.replace("{sign}", signId));
        }
    }
}
