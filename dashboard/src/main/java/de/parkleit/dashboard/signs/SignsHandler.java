package de.parkleit.dashboard.signs;

import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignAckCodec;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.dashboard.auth.AuthHandler;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the sign view from the sign topics (decoded by the one codec, {@link SignFrameCodec}) and the sign bridge's acks
 * ({@link SignAckCodec}), and serves {@code GET /api/v1/signs} (public: what each sign shows), {@code GET /api/v1/signs/audit}
 * (planner: the changes seen) and {@code GET /api/v1/signs/acks} (planner: per sign what was decided against what its
 * controller reports it displays, the age of the last ack, its fault, and {@code alert} when the sign has had no good ack
 * for longer than the alert time ({@code PARKLEIT_SIGNBRIDGE_ACK_ALERT}, sent as {@code alertAfterSeconds}); the gauge
 * {@code parkleit.signs.unacknowledged} counts those signs and {@code parkleit.signs.ack.alert.seconds} is the alert time).
 */
public final class SignsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignsHandler.class);

    private final SignView view;
    private final Clock clock;
    /** A sign whose last good ack is older than this (or that has had only faults for this long) raises the alert. */
    private final Duration ackAlert;

    private final MeterRegistry registry;
    private final Map<String, Instant> lastGoodAck = new java.util.concurrent.ConcurrentHashMap<>();
    /** When this instance saw each sign's first ack: the alert of a sign that never acknowledged well counts from there. */
    private final Map<String, Instant> firstAck = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param ackAlert the alert time ({@code PARKLEIT_SIGNBRIDGE_ACK_ALERT}) */
    public SignsHandler(SignView view, Clock clock, MeterRegistry registry, Duration ackAlert) {
        if (ackAlert.isNegative() || ackAlert.isZero()) {
            throw new IllegalArgumentException("the sign ack alert time must be positive, got " + ackAlert);
        }
        this.view = view;
        this.clock = clock;
        this.registry = registry;
        this.ackAlert = ackAlert;
        Gauge.builder("parkleit.signs.unacknowledged", this, h -> h.alerts())
                .description("signs without a good acknowledgement of the sign bridge for longer than PARKLEIT_SIGNBRIDGE_ACK_ALERT")
                .register(registry);
        Gauge.builder("parkleit.signs.ack.alert", this, h -> h.ackAlert.toMillis() / 1000.0).baseUnit("seconds")
                .description("the alert time PARKLEIT_SIGNBRIDGE_ACK_ALERT: a sign without a good acknowledgement for longer raises the alert")
                .register(registry);
    }

    /** The alert time. */
    public Duration ackAlert() {
        return ackAlert;
    }

    /** A message on {@code signs/{id}/ack}: decode and keep; bad ones are counted and logged. */
    public void handleAck(String signId, InboundMessage m) {
        if (m.payload().length == 0) {
            return;
        }
        try {
            SignAck a = SignAckCodec.decode(signId, m.payload());
            view.applyAck(a);
            firstAck.putIfAbsent(signId, a.at());
            if (a.fault() == null) {
                lastGoodAck.merge(signId, a.at(), (x, y) -> x.isAfter(y) ? x : y);
            }
            count("ack");
        } catch (JsonCodecException e) {
            count("ack_rejected");
            LOG.warn("ignoring sign ack on {}: {}", m.topic(), e.getMessage());
        }
    }

    /** Whether the sign has had no good ack for longer than the alert time (counted from its first ack; faulty acks do not reset it). */
    private boolean alert(String signId, Instant now) {
        Instant good = lastGoodAck.get(signId);
        Instant since = good != null ? good : firstAck.getOrDefault(signId, now);
        return now.isAfter(since.plus(ackAlert));
    }

    private int alerts() {
        Instant now = clock.instant();
        return (int) view.acks().keySet().stream().filter(id -> alert(id, now)).count();
    }

    /** Per sign with an ack: decided against displayed, the age of the last ack, its fault and the alert. */
    public JsonArray acks() {
        Instant now = clock.instant();
        Map<String, SignContent> decided = new java.util.HashMap<>();
        view.all().forEach(s -> decided.put(s.id(), s));
        JsonArray out = new JsonArray();
        view.acks().forEach((id, a) -> {
            SignContent d = decided.get(id);
            out.add(new JsonObject().put("sign", id).put("name", d == null ? id : d.name()).put("driver", a.driver())
                    .put("decided", d == null ? null : d.lines().stream().map(SignContent.Line::text).collect(java.util.stream.Collectors.joining(" | ")))
                    .put("displayed", a.displayed() == null ? null : String.join(" | ", a.displayed()))
                    .put("safe", a.safe()).put("fault", a.fault()).put("ackAt", a.at().toString())
                    .put("ackAgeSeconds", Math.max(0, Duration.between(a.at(), now).toSeconds()))
                    .put("alert", alert(id, now)).put("alertAfterSeconds", Math.max(1, ackAlert.toSeconds())));
        });
        return out;
    }

    public void mount(Router router, AuthHandler auth) {
        router.get("/api/v1/signs").handler(ctx -> json(ctx, all().encode()));
        router.get("/api/v1/signs/audit").handler(auth.require(PlannerUser.PLANNER)).handler(this::audit);
        router.get("/api/v1/signs/acks").handler(auth.require(PlannerUser.PLANNER)).handler(ctx -> json(ctx, acks().encode()));
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
