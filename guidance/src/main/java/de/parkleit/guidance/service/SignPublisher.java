package de.parkleit.guidance.service;

import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.store.SignDisplay;
import de.parkleit.guidance.signs.Sign;
import de.parkleit.guidance.signs.SignBoard;
import de.parkleit.guidance.signs.SignPacer;
import de.parkleit.guidance.signs.SignRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SignBoard} on the guidance verticle's context: feeds it live states and clock
 * ticks, publishes changed frames retained on {@code {root}/signs/{id}} (QoS 1), at most one per sign
 * per {@code PARKLEIT_SIGN_MIN_INTERVAL} ({@link SignPacer}: the newest waits), and writes each sent
 * one to the store as a {@code sign_display} event with its reason; republishes all frames before
 * they expire. Before {@link #ready} (retained states still arriving at start) nothing goes out.
 */
final class SignPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SignPublisher.class);

    private final SignBoard board;
    private final SignRoutes routes;
    private final Map<String, Facility> facilities = new HashMap<>();
    private final Topics topics;
    private final StoreEventWriter writer;
    private final Clock clock;
    private final Counter published;
    private final SignPacer pacer;
    private MqttConnection mqtt;
    private boolean ready;

    SignPublisher(SignBoard board, SignRoutes routes, List<Facility> facilities, Topics topics, StoreEventWriter writer,
                  MeterRegistry registry, Clock clock, SignPacer pacer) {
        this.board = board;
        this.routes = routes;
        facilities.forEach(f -> this.facilities.put(f.id(), f));
        this.topics = topics;
        this.writer = writer;
        this.clock = clock;
        this.published = Counter.builder("parkleit.signs.published").description("sign frames published").register(registry);
        this.pacer = pacer;
        Gauge.builder("parkleit.signs.held", pacer, SignPacer::heldCount)
                .description("changed sign frames waiting for their sign's minimum interval (PARKLEIT_SIGN_MIN_INTERVAL)")
                .register(registry);
    }

    int size() {
        return board.signs().size();
    }

    void connection(MqttConnection m) {
        this.mqtt = m;
    }

    /** Places every sign and computes its arrows on a worker, then applies them here. */
    Future<Void> refreshArrows(WorkerExecutor workers) {
        List<Sign> signs = board.signs();
        return workers.executeBlocking(() -> {
            Map<String, Map<String, Arrow>> out = new HashMap<>();
            for (Sign s : signs) {
                out.put(s.id(), routes.arrows(s, s.facilities().stream().map(facilities::get).toList()));
            }
            return out;
        }, false).map(arrows -> {
            arrows.forEach((id, a) -> publish(board.setArrows(id, a, clock.instant())));
            return null;
        });
    }

    void onState(FacilityState s) {
        publish(board.apply(s, clock.instant()));
    }

    void onOperation(String facilityId, FacilityOperation op) {
        publish(board.applyOperation(facilityId, op, clock.instant()));
    }

    void tick() {
        publish(board.tick(clock.instant()));
    }

    /** Sends the held changes whose sign's minimum interval has passed. */
    void flushHeld() {
        if (ready) {
            sendChanges(pacer.due(clock.instant()));
        }
    }

    /** Sends every frame again with a fresh validity (no audit entry: nothing changed). */
    void republish() {
        if (ready) {
            board.frames(clock.instant()).forEach(this::send);
        }
    }

    /** Start: from now on changes go out; every sign is published once, audited as the start. */
    void ready() {
        ready = true;
        Instant now = clock.instant();
        for (SignFrame f : board.frames(now)) {
            send(f);
            audit(f, "start of the sign service");
            pacer.sent(f.signId(), now);
        }
        LOG.info("{} signs published on {}", board.signs().size(), topics.signFilter());
    }

    private void publish(List<SignBoard.Change> changes) {
        if (!ready) {
            return;
        }
        sendChanges(pacer.offer(changes, clock.instant()));
    }

    private void sendChanges(List<SignBoard.Change> changes) {
        for (SignBoard.Change c : changes) {
            send(c.frame());
            audit(c.frame(), c.why());
        }
    }

    private void send(SignFrame f) {
        if (mqtt == null) {
            return;
        }
        mqtt.publish(topics.sign(f.signId()), SignFrameCodec.encode(f), 1, true)
                .onFailure(e -> LOG.debug("publishing sign {} failed: {}", f.signId(), e.toString()));
        published.increment();
    }

    private void audit(SignFrame f, String why) {
        String text = f.text() + " || " + why;
        writer.add(new SignDisplay(f.ts(), f.signId(), text.length() > 1024 ? text.substring(0, 1023) + "…" : text));
    }
}
