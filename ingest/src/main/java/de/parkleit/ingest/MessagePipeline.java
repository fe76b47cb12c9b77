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

    MessagePipeline(Topics topics, TopicDecoder decoder, ReadingValidator validator, LiveState live, BatchWriter writer,
                    StatePublisher states, DeadLetters deadLetters, Consumer<InboundMessage> ack, Clock clock,
                    MeterRegistry registry) {
        this.topics = topics;
        this.decoder = decoder;
        this.validator = validator;
        this.live = live;
        this.writer = writer;
        this.states = states;
        this.deadLetters = deadLetters;
        this.ack = ack;
        this.clock = clock;
        this.accepted = Counter.builder("parkleit.ingest.accepted")
                .description("input messages accepted by ingest").register(registry);
    }

    void handle(InboundMessage m) {
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
        try {
            for (Reading r : readings) {
                updateState(r);
            }
        } catch (RuntimeException e) {
            deadLetters.reject(m.topic(), m.payload(), RejectReason.INTERNAL_ERROR, "live state: " + e);
        }
        writer.submit(readings, () -> ack.accept(m), why -> reject(m, RejectReason.STORE_REJECTED, why));
    }

    /** Publishes the state of every facility that went stale or drifted. */
    void expire() {
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
