package de.parkleit.dashboard;

import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.live.StateSubscriber;
import de.parkleit.dashboard.operations.OperationTopicListener;
import de.parkleit.dashboard.quality.DeadLetterLog;
import de.parkleit.dashboard.signs.SignsHandler;
import de.parkleit.platform.mqtt.InboundMessage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each MQTT message the dashboard subscribes to to the feature that reads it; never throws. */
final class InboundRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

    private final Topics topics;
    private final StateSubscriber states;
    private final OperationTopicListener operations;
    private final SignsHandler signs;
    private final DeadLetterLog deadLetters;
    private final Clock clock;

    InboundRouter(Topics topics, StateSubscriber states, OperationTopicListener operations, SignsHandler signs,
                  DeadLetterLog deadLetters, Clock clock) {
        this.topics = topics;
        this.states = states;
        this.operations = operations;
        this.signs = signs;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** The filters to subscribe to. */
    List<String> filters() {
        return List.of(topics.facilityStateFilter(), topics.facilityOperationFilter(), topics.signFilter(), topics.signAckFilter(),
                topics.deadLetterFilter());
    }

    void handle(InboundMessage m) {
        try {
            Optional<TopicMatch> match = topics.match(m.topic());
            if (match.isEmpty()) {
                return;
            }
            switch (match.get().kind()) {
                case FACILITY_STATE -> states.handle(m);
                case FACILITY_OPERATION -> operations.handle(match.get().id(), m);
                case SIGN -> signs.handle(match.get().id(), m);
                case SIGN_ACK -> signs.handleAck(match.get().id(), m);
                case DEAD_LETTER -> deadLetters.record(match.get().id(), m.payload(), clock.instant());
                default -> LOG.debug("ignoring {}", m.topic());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not handle message on {}: {}", m.topic(), e.toString());
        }
    }
}
