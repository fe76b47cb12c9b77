package de.parkleit.dashboard.live;

import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live view from {@code .../state/facility/{id}} messages. Bad payloads are counted and
 * logged once per cause; nothing throws out of the MQTT callback.
 */
public final class StateTopicListener {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopicListener.class);

    private final Topics topics;
    private final LiveStateView view;
    private final MeterRegistry registry;
    private final Set<String> loggedCauses = ConcurrentHashMap.newKeySet();

    public StateTopicListener(Topics topics, LiveStateView view, MeterRegistry registry) {
        this.topics = topics;
        this.view = view;
        this.registry = registry;
    }

    public void handle(InboundMessage m) {
        try {
            Optional<TopicMatch> match = topics.match(m.topic());
            if (match.isEmpty() || match.get().kind() != TopicKind.FACILITY_STATE) {
                count("ignored_topic");
                return;
            }
            if (m.payload().length == 0) {
                count("cleared");
                return;
            }
            FacilityState s = FacilityStateCodec.decode(m.payload());
            if (!s.facilityId().equals(match.get().id())) {
                reject("id_mismatch", m.topic() + " carries state of " + s.facilityId());
                return;
            }
            count(view.apply(s).name().toLowerCase(java.util.Locale.ROOT));
        } catch (JsonCodecException e) {
            reject("bad_payload", m.topic() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            reject("invalid_state", m.topic() + ": " + e.getMessage());
        }
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
        Counter.builder("parkleit.dashboard.state.messages").tag("result", result)
                .description("facility state messages received by the dashboard, by outcome")
                .register(registry).increment();
    }
}
