package de.parkleit.ingest.decode;

import de.parkleit.core.Ids;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the decoder for an input topic and runs it: the single entry point from a message to
 * readings. Besides the v1 topics of {@link Topics} it serves SenML packs on {@code {root}/senml/{gateway}}.
 */
public final class TopicDecoder {

    private final Topics topics;
    private final Map<TopicKind, PayloadDecoder> byKind;
    private final PayloadDecoder senml;
    private final String senmlPrefix;

    /** @param senml decoder of SenML packs, or null to reject them as unknown topics */
    public TopicDecoder(Topics topics, Map<TopicKind, PayloadDecoder> byKind, PayloadDecoder senml) {
        this.topics = topics;
        this.byKind = byKind.isEmpty() ? new EnumMap<>(TopicKind.class) : new EnumMap<>(byKind);
        this.senml = senml;
        this.senmlPrefix = topics.senmlPrefix();
    }

    /** Every format: native v1, LoRaWAN uplinks and SenML. */
    public static TopicDecoder all(Topics topics, NativeDecoder nat, LorawanDecoder lorawan, SenmlDecoder senml) {
        return new TopicDecoder(topics, Map.of(
                TopicKind.OCCUPANCY, nat.occupancy(),
                TopicKind.COUNTS, nat.counts(),
                TopicKind.SPACE, nat.space(),
                TopicKind.TRAFFIC, nat.traffic(),
                TopicKind.LORAWAN_UPLINK, lorawan), senml);
    }

    /** Native payloads only (occupancy, counts, spaces, traffic). */
    public static TopicDecoder nativeOnly(Topics topics, NativeDecoder d) {
        return new TopicDecoder(topics, Map.of(
                TopicKind.OCCUPANCY, d.occupancy(),
                TopicKind.COUNTS, d.counts(),
                TopicKind.SPACE, d.space(),
                TopicKind.TRAFFIC, d.traffic()), null);
    }

    /** The filter of SenML topics: {@code {root}/senml/+}. */
    public static String senmlFilter(Topics topics) {
        return topics.senmlFilter();
    }

    /** Decodes one message; throws only {@link RejectedException}. */
    public List<Reading> decode(String topic, byte[] payload) {
        if (senml != null && topic != null && topic.startsWith(senmlPrefix)) {
            String gateway = topic.substring(senmlPrefix.length());
            if (Ids.isValid(gateway)) {
                return senml.decode(gateway, null, payload);
            }
        }
        Optional<TopicMatch> m = topics.match(topic);
        PayloadDecoder d = m.map(t -> byKind.get(t.kind())).orElse(null);
        if (d == null) {
            throw new RejectedException(RejectReason.UNKNOWN_TOPIC, "not an input topic: " + topic);
        }
        return d.decode(m.get().id(), m.get().subId(), payload);
    }
}
