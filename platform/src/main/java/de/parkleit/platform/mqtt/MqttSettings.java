package de.parkleit.platform.mqtt;

import java.util.Objects;

/**
 * How to reach a broker.
 *
 * @param url          {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId     stable client id (persistent sessions need one)
 * @param cleanSession false keeps subscriptions and queued QoS 1 messages while offline
 * @param username     null for anonymous
 * @param password     null for anonymous; printed as {@code *****}
 */
public record MqttSettings(String url, String clientId, boolean cleanSession, String username, String password) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientId, "clientId");
        if (!url.matches("(tcp|ssl|ws|wss)://[^\\s/]+(:\\d+)?/?")) {
            throw new IllegalArgumentException("MQTT url must look like tcp://host:1883, got " + url);
        }
    }

    public MqttSettings withClientId(String id) {
        return new MqttSettings(url, id, cleanSession, username, password);
    }

    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", clientId=" + clientId + ", cleanSession=" + cleanSession
                + ", username=" + username + ", password=" + (password == null ? "null" : "*****") + "]";
    }
}
