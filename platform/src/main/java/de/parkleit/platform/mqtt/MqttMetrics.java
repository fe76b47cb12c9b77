package de.parkleit.platform.mqtt;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The meters every MQTT connection of a node has, tagged with its client id: messages received and
 * published, whether it is connected and its subscriptions confirmed, reconnects and re-subscribes. Comparing one connection's received count with the
 * publisher's published count shows a subscriber that falls behind (docs/reliability.md, "Soak").
 */
public final class MqttMetrics {

    private MqttMetrics() {
    }

    public static void register(MeterRegistry registry, MqttConnection c) {
        String client = c.settings().clientId();
        counter(registry, c, "parkleit.mqtt.received", MqttConnection::receivedCount, "messages received on this MQTT connection");
        counter(registry, c, "parkleit.mqtt.published", MqttConnection::publishedCount,
                "messages handed to the MQTT client for publishing on this connection");
        Gauge.builder("parkleit.mqtt.connected", c, x -> x.isConnected() ? 1 : 0)
                .description("1 while this MQTT connection is up").tag("client", client).register(registry);
        Gauge.builder("parkleit.mqtt.subscribed", c, x -> x.subscribed() ? 1 : 0)
                .description("1 while this MQTT connection is up and the broker confirmed (SUBACK) every subscription of it")
                .tag("client", client).register(registry);
        counter(registry, c, "parkleit.mqtt.reconnects", MqttConnection::reconnectCount,
                "automatic reconnects of this MQTT connection after a connection loss");
        counter(registry, c, "parkleit.mqtt.resubscribes", MqttConnection::resubscribeCount,
                "subscriptions this MQTT connection sent again after a connect (each connect re-subscribes every filter)");
        counter(registry, c, "parkleit.mqtt.subscribe.failures", MqttConnection::subscribeFailureCount,
                "subscribes of this MQTT connection the broker refused (SUBACK 0x80) or that failed on a live connection");
    }

    /** The meters of a connection with manual acks ({@link MqttConnection#maxUnacked}), besides {@link #register}'s. */
    public static void registerAcks(MeterRegistry registry, MqttConnection c) {
        String client = c.settings().clientId();
        Gauge.builder("parkleit.mqtt.unacked.messages", c, MqttConnection::unackedCount)
                .description("QoS 1 messages ingest received and has not acknowledged yet (held until durable)")
                .tag("client", client).register(registry);
        counter(registry, c, "parkleit.mqtt.paused", MqttConnection::pauseCount,
                "times this input connection stopped taking messages because it held its maximum unacknowledged");
        counter(registry, c, "parkleit.mqtt.stale.acks", MqttConnection::staleAckCount,
                "acks skipped: the message came before a connection loss (the broker redelivers it) or was acked already");
        counter(registry, c, "parkleit.mqtt.ack.failures", MqttConnection::ackFailureCount, "acks the MQTT client refused to send");
    }

    private static void counter(MeterRegistry registry, MqttConnection c, String name, ToDoubleFunction<MqttConnection> count,
                                String description) {
        FunctionCounter.builder(name, c, count).description(description).tag("client", c.settings().clientId()).register(registry);
    }
}
