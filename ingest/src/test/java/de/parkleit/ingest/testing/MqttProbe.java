package de.parkleit.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain Paho client for tests: publishes like a gateway and records what arrives on its subscriptions. */
public final class MqttProbe implements AutoCloseable {

    private final MqttClient client;
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final List<String[]> all = new CopyOnWriteArrayList<>();

    public MqttProbe(String url) throws MqttException {
        client = new MqttClient(url, "probe-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String p = new String(message.getPayload(), StandardCharsets.UTF_8);
                last.put(topic, p);
                all.add(new String[] {topic, p});
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(10_000);
        client.connect(o);
    }

    public MqttProbe subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
        return this;
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        client.publish(topic, m);
    }

    public String last(String topic) {
        return last.get(topic);
    }

    public List<String[]> all() {
        return all;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
