package de.parkleit.platform.live;

import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MQTT subscriber of the retained facility states ({@code {root}/state/facility/+}): decodes
 * each with {@link FacilityStateCodec}, checks that the id in the payload is the one in the topic,
 * offers it to the {@link LiveBoard}, counts every outcome on {@code meterName} (tag {@code result}:
 * {@code applied}, {@code unchanged}, {@code unknown_facility}, {@code out_of_order},
 * {@code ignored_topic}, {@code cleared}, {@code id_mismatch}, {@code bad_payload},
 * {@code invalid_state}) and logs each cause of rejection once. Nothing throws out of the MQTT callback.
 */
public final class StateSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(StateSubscriber.class);

    private static final String[] OUTCOMES = java.util.Arrays.stream(LiveBoard.Outcome.values())
            .map(o -> o.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private final Topics topics;
    private final LiveBoard board;
    private final MeterRegistry registry;
    private final String meterName;
    private final String description;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();

    /**
     * @param meterName   counter of the messages received, e.g. {@code parkleit.dashboard.state.messages}
     * @param description its description
     */
    public StateSubscriber(Topics topics, LiveBoard board, MeterRegistry registry, String meterName, String description) {
        this.topics = topics;
        this.board = board;
        this.registry = registry;
        this.meterName = meterName;
        this.description = description;
    }

    /** The filter this subscriber serves. */
    public String filter() {
        return topics.facilityStateFilter();
    }

    /** Subscribes {@code mqtt} to the state topics; messages must still be routed to {@link #handle}. */
    public Future<Void> subscribe(MqttConnection mqtt, int qos) {
        return mqtt.subscribe(filter(), qos);
    }

    /** One message: the board's outcome when a state was offered to it, else null (and counted). */
    public LiveBoard.Outcome handle(InboundMessage m) {
        try {
            Optional<TopicMatch> match = topics.match(m.topic());
            if (match.isEmpty() || match.get().kind() != TopicKind.FACILITY_STATE) {
                count("ignored_topic");
                return null;
            }
            if (m.payload().length == 0) {
                count("cleared");
                return null;
            }
            FacilityState s = FacilityStateCodec.decode(m.payload());
            if (!s.facilityId().equals(match.get().id())) {
                reject("id_mismatch", m.topic() + " carries state of " + s.facilityId());
                return null;
            }
            LiveBoard.Outcome o = board.apply(s);
            count(OUTCOMES[o.ordinal()]);
            return o;
        } catch (JsonCodecException e) {
            reject("bad_payload", m.topic() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            reject("invalid_state", m.topic() + ": " + e.getMessage());
        }
        return null;
    }

    private void reject(String cause, String detail) {
        count(cause);
        if (loggedCauses.add(cause)) {
            LOG.warn("ignoring facility state ({}): {} (logged once per cause)", cause, detail);
        } else {
            LOG.debug("ignoring facility state ({}): {}", cause, detail);
        }
    }

    private void count(String result) {
        Counter c = counters.get(result);
        if (c == null) {
            c = counters.computeIfAbsent(result, r -> Counter.builder(meterName).tag("result", r).description(description)
                    .register(registry));
        }
        c.increment();
    }
}
