package de.parkleit.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The latency floor: a bare Paho client that turns each occupancy reading straight into a retained
 * state message ({@code id}, {@code free}, {@code updatedAt}) on the state topic. No validation,
 * no store, no ack discipline: the broker round trips and JSON, nothing else.
 */
final class EchoRelay implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MqttAsyncClient client;

    EchoRelay(String url, String root) throws Exception {
        client = new MqttAsyncClient(url, "bench-echo-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                JsonNode n = MAPPER.readTree(message.getPayload());
                String facility = topic.substring(0, topic.lastIndexOf('/'));
                facility = facility.substring(facility.lastIndexOf('/') + 1);
                String state = "{\"id\":\"" + facility + "\",\"free\":" + n.get("free").asInt() + ",\"updatedAt\":\""
                        + n.get("ts").asText() + "\"}";
                MqttMessage out = new MqttMessage(state.getBytes(StandardCharsets.UTF_8));
                out.setQos(1);
                out.setRetained(true);
                client.publish(root + "/state/facility/" + facility, out);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(65_000);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(root + "/parking/+/occupancy", 1).waitForCompletion(10_000);
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
