package de.parkleit.app.simulation;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.decode.NativeDecoder;
import de.parkleit.ingest.decode.RejectedException;
import de.parkleit.ingest.decode.TopicDecoder;
import de.parkleit.ingest.state.LiveState;
import de.parkleit.ingest.state.StateRules;
import de.parkleit.ingest.validate.ReadingValidator;
import de.parkleit.simulator.driver.ReadingSink;
import de.parkleit.simulator.driver.StateView;
import de.parkleit.simulator.wire.MqttSystem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Ingest's own decode, validate and live-state code, called synchronously: every reading is encoded
 * as the native v1 payload a gateway would send, decoded from its topic, validated against the
 * virtual clock and applied to {@link LiveState}; each changed state goes to {@code onState} (as the
 * retained state topic would carry it). Expiry runs every {@link #EXPIRE_EVERY} of virtual time,
 * as ingest's periodic timer does. Single-threaded (the simulation's thread).
 */
final class InProcessIngest implements ReadingSink, StateView {

    static final Duration EXPIRE_EVERY = Duration.ofSeconds(2);
    private static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    private static final int MAX_PAYLOAD = 4096;

    private final Topics topics;
    private final TopicDecoder decoder;
    private final ReadingValidator validator;
    private final LiveState live;
    private final VirtualClock clock;
    private final Consumer<FacilityState> onState;
    private Instant lastExpire;
    private long accepted;
    private long rejected;
    private String firstRejection;

    InProcessIngest(List<Facility> facilities, Topics topics, Duration staleAfter, ZoneId zone, VirtualClock clock,
                    Consumer<FacilityState> onState) {
        Map<String, Integer> capacities = facilities.stream()
                .collect(Collectors.toMap(Facility::id, Facility::capacity, (a, b) -> a, LinkedHashMap::new));
        this.topics = topics;
        this.decoder = TopicDecoder.nativeOnly(topics, new NativeDecoder(MAX_PAYLOAD, capacities::get));
        this.validator = new ReadingValidator(capacities.keySet(), MAX_FUTURE);
        this.live = new LiveState(capacities, StateRules.defaults(staleAfter, zone));
        this.clock = clock;
        this.onState = onState;
        this.lastExpire = clock.instant();
        live.withoutState().forEach(onState);
    }

    @Override
    public void publish(Reading reading) {
        clock.advanceTo(reading.ts());
        expireIfDue();
        String topic = MqttSystem.topicOf(topics, reading);
        try {
            List<Reading> decoded = decoder.decode(topic, ReadingCodec.encode(reading));
            for (Reading r : decoded) {
                validator.validate(r, clock.instant());
            }
            accepted++;
            for (Reading r : decoded) {
                live.apply(r).ifPresent(onState);
            }
        } catch (RejectedException e) {
            if (rejected++ == 0) {
                firstRejection = topic + ": " + e.getMessage();
            }
        }
    }

    private void expireIfDue() {
        Instant now = clock.instant();
        if (!now.isBefore(lastExpire.plus(EXPIRE_EVERY))) {
            lastExpire = now;
            live.expire(now).forEach(onState);
        }
    }

    @Override
    public Optional<FacilityState> state(String facilityId) {
        return live.current(facilityId);
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    /** The first rejection (topic and reason), or null. */
    String firstRejection() {
        return firstRejection;
    }
}
