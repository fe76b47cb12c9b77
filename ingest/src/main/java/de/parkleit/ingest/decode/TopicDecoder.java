package de.parkleit.ingest.decode;

import de.parkleit.core.reading.Reading;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picks the decoder for an input topic and runs it: the single entry point from a message to readings. */
public final class TopicDecoder {

    private final Topics topics;
    private final Map<de.parkleit.core.topic.TopicKind, PayloadDecoder> byKind;

    public TopicDecoder(Topics topics, Map<de.parkleit.core.topic.TopicKind, PayloadDecoder> byKind) {
        this.topics = topics;
        this.byKind = new EnumMap<>(byKind);
    }

    /** Native payloads only (occupancy, counts, spaces, traffic). */
    public static TopicDecoder nativeOnly(Topics topics, NativeDecoder d) {
        return new TopicDecoder(topics, Map.of(
                de.parkleit.core.topic.TopicKind.OCCUPANCY, d.occupancy(),
                de.parkleit.core.topic.TopicKind.COUNTS, d.counts(),
                de.parkleit.core.topic.TopicKind.SPACE, d.space(),
                de.parkleit.core.topic.TopicKind.TRAFFIC, d.traffic()));
    }

    /** Decodes one message; throws only {@link RejectedException}. */
    public List<Reading> decode(String topic, byte[] payload) {
        Optional<TopicMatch> m = topics.match(topic);
        PayloadDecoder d = m.map(t -> byKind.get(t.kind())).orElse(null);
        if (d == null) {
            throw new RejectedException(RejectReason.UNKNOWN_TOPIC, "not an input topic: " + topic);
        }
        return d.decode(m.get().id(), m.get().subId(), payload);
    }
}
