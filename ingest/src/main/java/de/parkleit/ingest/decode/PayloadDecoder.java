package de.parkleit.ingest.decode;

import de.parkleit.core.reading.Reading;
import java.util.List;

/** Decodes the payload of one input topic into readings; throws only {@link RejectedException}. */
@FunctionalInterface
public interface PayloadDecoder {

    /**
     * @param topicId the id level of the topic (facility, detector, LoRaWAN app or SenML gateway)
     * @param subId   the second id level (space id of a space topic), or null
     */
    List<Reading> decode(String topicId, String subId, byte[] payload);
}
