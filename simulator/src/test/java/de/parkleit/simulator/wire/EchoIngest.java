package de.parkleit.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A minimal stand-in for ingest in tests: every occupancy reading becomes a retained state message. */
final class EchoIngest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MqttConnection connection;

    EchoIngest(Vertx vertx, String brokerUrl, Topics topics) throws Exception {
        connection = new MqttConnection(vertx.getOrCreateContext(), new MqttSettings(brokerUrl, "echo-" + UUID.randomUUID(), true, null, null), false);
        connection.messageHandler(m -> topics.match(m.topic()).filter(t -> t.kind() == TopicKind.OCCUPANCY).ifPresent(t -> {
            try {
                JsonNode n = JSON.readTree(m.payload());
                FacilityState s = new FacilityState(t.id(), n.get("free").asInt(), n.get("capacity").asInt(), FacilityStatus.OPEN,
                        Trend.UNKNOWN, Instant.parse(n.get("ts").asText()), Set.of());
                connection.publish(topics.facilityState(t.id()), FacilityStateCodec.encode(s), 1, true);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        connection.connect().await(10, TimeUnit.SECONDS);
        connection.subscribe(topics.parkingInputFilter(), 1).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.disconnect().await();
    }
}
