package de.parkleit.ingest;

import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.deadletter.DeadLetters;
import de.parkleit.ingest.decode.RejectReason;
import de.parkleit.ingest.decode.RejectedException;
import de.parkleit.ingest.decode.TopicDecoder;
import de.parkleit.ingest.publish.StatePublisher;
import de.parkleit.ingest.state.LiveState;
import de.parkleit.ingest.throttle.GatewayThrottle;
import de.parkleit.core.codec.TrafficStateCodec;
import de.parkleit.ingest.state.TrafficStates;
import de.parkleit.ingest.validate.ReadingValidator;
import de.parkleit.ingest.write.BatchWriter;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happens to one input message: decode, validate, update and publish the live state, hand the
 * readings to the writer and acknowledge the message once they are durable. Rejected messages are
 * dead-lettered and acknowledged. Nothing thrown here ever reaches the MQTT client.
 */
final class MessagePipeline {

    private final Topics topics;
    private final TopicDecoder decoder;
    private final ReadingValidator validator;
    private final LiveState live;
    private final TrafficStates traffic = new TrafficStates();
    private final BatchWriter writer;
    private final StatePublisher states;
    private final DeadLetters deadLetters;
    private final Consumer<InboundMessage> ack;
    private final Clock clock;
    private final Counter accepted;
    private final GatewayThrottle throttle;
    private final boolean storeHeartbeats;
    private final Counter heartbeats;

    MessagePipeline(Topics topics, TopicDecoder decoder, ReadingValidator validator, LiveState live, BatchWriter writer,
                    StatePublisher states, DeadLetters deadLetters, Consumer<InboundMessage> ack, Clock clock,
                    MeterRegistry registry, GatewayThrottle throttle, boolean storeHeartbeats) {
        this.topics = topics;
        this.decoder = decoder;
        this.validator = validator;
        this.live = live;
        this.writer = writer;
        this.states = states;
        this.deadLetters = deadLetters;
        this.ack = ack;
        this.clock = clock;
        this.throttle = throttle;
        this.storeHeartbeats = storeHeartbeats;
        this.heartbeats = Counter.builder("parkleit.ingest.heartbeats")
                .description("single-space readings that repeated their space's value: they refreshed the live state "
                        + "and were not stored (PARKLEIT_INGEST_STORE_HEARTBEATS=false)").register(registry);
        this.accepted = Counter.builder("parkleit.ingest.accepted")
                .description("input messages accepted by ingest").register(registry);
    }

    void handle(InboundMessage m) {
        String over = throttle.refuse(m.topic());
        if (over != null) {
            throttled(m, over);
            return;
        }
        List<Reading> readings;
        try {
            readings = decoder.decode(m.topic(), m.payload());
            Instant now = clock.instant();
            for (Reading r : readings) {
                validator.validate(r, now);
            }
        } catch (RejectedException e) {
            reject(m, e.reason(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(m, RejectReason.INTERNAL_ERROR, e.toString());
            return;
        }
        accepted.increment();
        List<Reading> changes = storeHeartbeats ? readings : withoutHeartbeats(readings);
        try {
            for (Reading r : readings) {
                updateState(r);
            }
        } catch (RuntimeException e) {
            deadLetters.reject(m.topic(), m.payload(), RejectReason.INTERNAL_ERROR, "live state: " + e);
        }
        if (changes.isEmpty()) {
            ack.accept(m);
            return;
        }
        writer.submit(changes, () -> ack.accept(m), why -> reject(m, RejectReason.STORE_REJECTED, why));
    }

    /** The readings that change something (asked before the live state takes them); heartbeats are counted. */
    private List<Reading> withoutHeartbeats(List<Reading> readings) {
        if (readings.size() == 1) {
            if (live.isHeartbeat(readings.get(0))) {
                heartbeats.increment();
                return List.of();
            }
            return readings;
        }
        List<Reading> out = new java.util.ArrayList<>(readings.size());
        for (Reading r : readings) {
            if (live.isHeartbeat(r)) {
                heartbeats.increment();
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Drops a message of a gateway over its budget: counted per gateway (the throttle) and as rejected, dead-lettered
     * and logged only now and then, acknowledged so the broker does not redeliver it.
     */
    private void throttled(InboundMessage m, String gateway) {
        if (throttle.report(gateway)) {
            deadLetters.reject(m.topic(), m.payload(), RejectReason.THROTTLED, "gateway " + gateway + " is over its budget of "
                    + Math.round(throttle.budgetPerMinute(gateway)) + " messages/min; its further messages are dropped and counted "
                    + "(parkleit_ingest_throttled_total{gateway}), one a minute is dead-lettered");
        } else {
            deadLetters.countOnly(RejectReason.THROTTLED);
        }
        ack.accept(m);
    }

    /** Publishes the state of every facility that went stale or drifted, and forgets idle gateways' budgets. */
    void expire() {
        throttle.sweep();
        live.expire(clock.instant()).forEach(s -> states.publish(topics.facilityState(s.facilityId()), () -> FacilityStateCodec.encode(s)));
    }

    private void updateState(Reading r) {
        if (r instanceof TrafficReading t) {
            traffic.apply(t).ifPresent(n -> states.publish(topics.trafficState(n.detectorId()), () -> TrafficStateCodec.encode(n)));
        } else {
            live.apply(r).ifPresent(s -> states.publish(topics.facilityState(s.facilityId()), () -> FacilityStateCodec.encode(s)));
        }
    }

    private void reject(InboundMessage m, RejectReason reason, String detail) {
        deadLetters.reject(m.topic(), m.payload(), reason, detail);
        ack.accept(m);
    }
}
