package de.parkleit.dashboard.signs;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the sign view from the sign topics (decoded by the one codec, {@link SignFrameCodec}) and serves {@code GET /api/v1/signs} (public: what
 * each sign shows) and {@code GET /api/v1/signs/audit} (planner: the changes seen).
 */
public final class SignsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignsHandler.class);

    private final SignView view;
    private final Clock clock;
    private final MeterRegistry registry;

    public SignsHandler(SignView view, Clock clock, MeterRegistry registry) {
        this.view = view;
        this.clock = clock;
        this.registry = registry;
    }

    public void mount(Router router, AuthHandler auth) {
        router.get("/api/v1/signs").handler(ctx -> json(ctx, all().encode()));
        router.get("/api/v1/signs/audit").handler(auth.require(PlannerUser.PLANNER)).handler(this::audit);
    }

    /** A message on {@code signs/{id}}: decode and apply; bad ones are counted and logged. */
    public void handle(String signId, InboundMessage m) {
        if (m.payload().length == 0) {
            view.remove(signId, clock.instant());
            count("cleared");
            return;
        }
        try {
            view.apply(display(SignFrameCodec.decode(signId, m.payload())));
            count("applied");
        } catch (JsonCodecException | IllegalArgumentException e) {
            count("rejected");
            LOG.warn("ignoring sign message on {}: {}", m.topic(), e.getMessage());
        }
    }

    private SignContent display(SignFrame f) {
        return new SignContent(f.signId(), f.name(), f.lat(), f.lon(),
                f.lines().stream().map(l -> new SignContent.Line(l.facilityId(), l.text(), l.arrow().wireName())).toList(),
                f.validUntil(), clock.instant());
    }

    public JsonArray all() {
        JsonArray a = new JsonArray();
        view.all().forEach(s -> a.add(toJson(s)));
        return a;
    }

    public JsonObject toJson(SignContent s) {
        JsonArray lines = new JsonArray();
        s.lines().forEach(l -> lines.add(new JsonObject().put("facility", l.facility()).put("text", l.text()).put("arrow", l.arrow())));
        return new JsonObject().put("id", s.id()).put("name", s.name()).put("lat", s.lat()).put("lon", s.lon())
                .put("lines", lines).put("validUntil", s.validUntil() == null ? null : s.validUntil().toString())
                .put("expired", s.expiredAt(clock.instant())).put("receivedAt", s.receivedAt().toString())
                .put("removed", s.lines().isEmpty() && s.expiredAt(clock.instant()));
    }

    private void audit(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        view.audit().forEach(e -> a.add(new JsonObject().put("at", e.at().toString()).put("sign", e.signId()).put("text", e.text())));
        json(ctx, a.encode());
    }

    private static void json(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(body);
    }

    private void count(String result) {
        Counter.builder("parkleit.dashboard.sign.messages").tag("result", result.toLowerCase(Locale.ROOT))
                .description("sign messages received, by outcome").register(registry).increment();
    }
}
