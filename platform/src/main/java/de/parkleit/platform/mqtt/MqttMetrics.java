package de.parkleit.platform.mqtt;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters every MQTT connection of a node has, tagged with its client id: messages received and
 * published, and whether it is connected. Comparing one connection's received count with the
 * publisher's published count shows a subscriber that falls behind (docs/reliability.md, "Soak").
 */
public final class MqttMetrics {

    private MqttMetrics() {
    }

    public static void register(MeterRegistry registry, MqttConnection c) {
        String client = c.settings().clientId();
        FunctionCounter.builder("parkleit.mqtt.received", c, MqttConnection::receivedCount)
                .description("messages received on this MQTT connection").tag("client", client).register(registry);
        FunctionCounter.builder("parkleit.mqtt.published", c, MqttConnection::publishedCount)
                .description("messages handed to the MQTT client for publishing on this connection").tag("client", client)
                .register(registry);
        Gauge.builder("parkleit.mqtt.connected", c, x -> x.isConnected() ? 1 : 0)
                .description("1 while this MQTT connection is up").tag("client", client).register(registry);
    }
}
