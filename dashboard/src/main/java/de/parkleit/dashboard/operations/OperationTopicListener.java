package de.parkleit.dashboard.operations;

import de.parkleit.core.codec.FacilityOperationCodec;
import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code ops/facility/{id}} messages to the live view; an empty payload clears the override. */
public final class OperationTopicListener {

    private static final Logger LOG = LoggerFactory.getLogger(OperationTopicListener.class);

    private final LiveBoard view;
    private final MeterRegistry registry;

    public OperationTopicListener(LiveBoard view, MeterRegistry registry) {
        this.view = view;
        this.registry = registry;
    }

    /** @param facilityId the id from the topic */
    public void handle(String facilityId, InboundMessage m) {
        if (m.payload().length == 0) {
            count(view.applyOperation(facilityId, null).name());
            return;
        }
        try {
            FacilityOperation op = FacilityOperationCodec.decode(m.payload());
            if (!op.facilityId().equals(facilityId)) {
                count("id_mismatch");
                return;
            }
            count(view.applyOperation(facilityId, op).name());
        } catch (JsonCodecException e) {
            count("bad_payload");
            LOG.warn("ignoring facility operation on {}: {}", m.topic(), e.getMessage());
        }
    }

    private void count(String result) {
        Counter.builder("parkleit.dashboard.operation.messages").tag("result", result.toLowerCase(java.util.Locale.ROOT))
                .description("facility operation messages received, by outcome").register(registry).increment();
    }
}
