package de.parkleit.simulator.signs.http;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.platform.http.Problems;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.ControllerFault;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/**
 * A simulated sign controller speaking the sign bridge's {@code http-json} protocol:
 * {@code PUT} or {@code POST /signs/{id}} with a frame ({@code SignFrameCodec} JSON) displays it and
 * answers 200 with the frame now displayed; {@code GET /signs/{id}} answers what the sign displays
 * (blank after the frame's validity), 404 if it never got a frame. With a token set, requests need
 * {@code Authorization: Bearer <token>} (else 401). Bad frames get 400, all errors are problem JSON.
 * Faults come from {@link ControllerDisplay}.
 */
public final class SignControllerServer {

    private final Vertx vertx;
    private final ControllerDisplay display;
    private final String token;
    private HttpServer server;

    /** @param token the bearer token requests must carry, or null for none */
    public SignControllerServer(Vertx vertx, ControllerDisplay display, String token) {
        this.vertx = vertx;
        this.display = display;
        this.token = token;
    }

    /** Listens on loopback {@code port} (0: a free one). */
    public Future<Integer> start(int port) {
        Router r = Router.router(vertx);
        Problems.install(r);
        r.route("/signs/*").handler(this::authorize);
        r.route("/signs/:id").method(io.vertx.core.http.HttpMethod.PUT).method(io.vertx.core.http.HttpMethod.POST)
                .handler(BodyHandler.create().setBodyLimit(16 * 1024)).handler(this::receive);
        r.get("/signs/:id").handler(this::get);
        return vertx.createHttpServer().requestHandler(r).listen(port, "127.0.0.1").map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public ControllerDisplay display() {
        return display;
    }

    private void authorize(RoutingContext ctx) {
        if (token != null && !("Bearer " + token).equals(ctx.request().getHeader("Authorization"))) {
            Problems.send(ctx, 401, "unauthorized", "Unauthorized", "this controller needs Authorization: Bearer <token>");
            return;
        }
        ctx.next();
    }

    private void receive(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        SignFrame f;
        try {
            f = SignFrameCodec.decode(id, ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (JsonCodecException e) {
            Problems.send(ctx, 400, "bad-frame", "Bad sign frame", e.reason() + ": " + e.getMessage());
            return;
        }
        ControllerFault fault = display.faultOf(id);
        Optional<SignFrame> shown = display.receive(f);
        if (shown.isEmpty()) {
            Problems.send(ctx, 500, "controller-fault", "Controller fault", "sign " + id + " did not take the frame (simulated fault)");
            return;
        }
        byte[] body = SignFrameCodec.encode(shown.get());
        if (fault == ControllerFault.SLOW) {
            vertx.setTimer(Math.max(1, display.slowDelay().toMillis()), t -> answer(ctx, body));
        } else {
            answer(ctx, body);
        }
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<SignFrame> f = display.displayed(id);
        if (f.isEmpty()) {
            Problems.send(ctx, 404, "unknown-sign", "Unknown sign", "sign " + id + " has not been sent a frame");
            return;
        }
        answer(ctx, SignFrameCodec.encode(f.get()));
    }

    private static void answer(RoutingContext ctx, byte[] body) {
        if (!ctx.response().closed()) {
            ctx.response().putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(body));
        }
    }
}
