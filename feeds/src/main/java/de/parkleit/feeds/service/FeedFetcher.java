package de.parkleit.feeds.service;

import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedSource;
import de.parkleit.feeds.Reasons;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.util.function.Function;

/**
 * Fetches one feed's payload: a file, or an HTTP(S) GET with the source's client certificate
 * (PKCS#12 or PEM), {@code If-None-Match} / {@code If-Modified-Since} from the previous answer, and
 * the size cap applied to {@code Content-Length} and to the body while it streams in. The poller
 * uses it on every poll, {@code feed check --url} once, so both reach a source the same way.
 *
 * <p>Used from one event loop at a time (the ETag and Last-Modified it remembers are not shared).
 */
public final class FeedFetcher {

    private final Vertx vertx;
    private final Context context;
    private final FeedSource source;
    private final HttpClient http;
    private volatile String etag;
    private volatile String lastModified;

    /** @param secrets looks up an environment variable by name ({@code tls.passwordEnv}); null when unset */
    public FeedFetcher(Vertx vertx, FeedSource source, Function<String, String> secrets) {
        this(vertx.getOrCreateContext(), source, secrets);
    }

    /**
     * @param context where every fetch runs: the response's handlers must be set on the event loop that
     *                delivers its body, or a body arriving before them is lost
     */
    public FeedFetcher(Context context, FeedSource source, Function<String, String> secrets) {
        this.vertx = context.owner();
        this.context = context;
        this.source = source;
        this.http = source.url() == null ? null : vertx.createHttpClient(httpOptions(source, secrets));
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

    /**
     * The payload, or null when the source answered 304 Not Modified. Fails with a {@link FeedFormatException}
     * ({@code http_<status>}, {@code too_large}) or the connection's own error.
     */
    public Future<Buffer> fetch() {
        if (Vertx.currentContext() == context) {
            return fetchHere();
        }
        Promise<Buffer> done = Promise.promise();
        context.runOnContext(v -> fetchHere().onComplete(done));
        return done.future();
    }

    private Future<Buffer> fetchHere() {
        if (http == null) {
            return vertx.fileSystem().readFile(source.file().toString());
        }
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(source.url())
                .setTimeout(30_000);
        String tag = etag;
        String lm = lastModified;
        if (tag != null) {
            ro.addHeader("If-None-Match", tag);
        }
        if (lm != null) {
            ro.addHeader("If-Modified-Since", lm);
        }
        return http.request(ro).compose(req -> req.send()).compose(resp -> {
            if (resp.statusCode() == 304) {
                return resp.end().map(v -> (Buffer) null);
            }
            if (resp.statusCode() != 200) {
                return resp.end().transform(x -> Future.failedFuture(
                        new FeedFormatException("http_" + resp.statusCode(), "HTTP " + resp.statusCode() + " from "
                                + source.url().replaceFirst("[?#].*$", ""))));
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
        resp.exceptionHandler(done::tryFail);
        resp.endHandler(v -> done.tryComplete(body));
        return done.future();
    }

    public Future<Void> close() {
        return http == null ? Future.succeededFuture() : http.close();
    }
}
