package de.parkleit.signbridge.service;

import de.parkleit.platform.http.Problems;
import de.parkleit.signbridge.SignDrivers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The bridge's HTTP feeds: {@code GET /signbridge/msgfeed} (the IRIS message feed of the
 * iris-msgfeed signs, {@code text/plain; charset=US-ASCII}) and {@code GET /signbridge/datex2/vms}
 * (the DATEX II v3.6 VmsPublication of every sign the bridge drives, whatever its driver,
 * {@code application/xml}; 404 problem JSON when signs.geojson has no sign), and {@code GET /metrics} (Prometheus) when the registry is one.
 */
final class SignBridgeHttp {

    private SignBridgeHttp() {
    }

    static Future<HttpServer> start(Vertx vertx, int port, SignDrivers drivers, Clock clock, MeterRegistry registry) {
        Router r = Router.router(vertx);
        Problems.install(r);
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            r.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(prometheus.scrape()));
        }
        r.get("/signbridge/msgfeed").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain; charset=US-ASCII")
                .end(io.vertx.core.buffer.Buffer.buffer(drivers.msgFeed().render().getBytes(StandardCharsets.US_ASCII))));
        r.get("/signbridge/datex2/vms").handler(ctx -> {
            if (drivers.vmsBoard().isEmpty()) {
                Problems.send(ctx, 404, "no-vms", "No VMS publication", "the sign bridge drives no sign");
                return;
            }
            // a thousand signs are about a megabyte of XML: written off the event loop (the board is thread-safe)
            vertx.executeBlocking(() -> drivers.vmsBoard().write(clock.instant()), false)
                    .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/xml; charset=UTF-8").end(xml))
                    .onFailure(ctx::fail);
        });
        return vertx.createHttpServer().requestHandler(r).listen(port);
    }
}
