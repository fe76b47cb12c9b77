package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.parkleit.app.Node;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped Mosquitto config (password file, ACL, no anonymous clients, commented TLS listener
 * switched on) in a real Mosquitto, with a whole parkleit node logged in as {@code parkleit}.
 */
class MqttSecurityIT {

    static final String OWN = "heidelbergp12kornmarktschloss";
    static final String OTHER = "heidelbergp13karlsplatzrathaus";
    static final String PARKLEIT_PASSWORD = "pl-" + UUID.randomUUID();
    static final String GATEWAY_PASSWORD = "gw-" + UUID.randomUUID();
    static final Topics TOPICS = new Topics("parkleit/v1");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path dir;
    static TestCertificates certs;
    static SecuredMosquitto broker;
    static Node node;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(SecuredMosquitto.available(), "needs /usr/sbin/mosquitto and mosquitto_passwd (Debian package mosquitto)");
        assumeTrue(TestCertificates.available(), "needs /usr/bin/openssl");
        dir = Files.createTempDirectory("parkleit-mqtt-sec-");
        certs = TestCertificates.create(dir.resolve("tls"));
        broker = SecuredMosquitto.start(dir.resolve("mosquitto"), Map.of("parkleit", PARKLEIT_PASSWORD, OWN, GATEWAY_PASSWORD), certs);
        Map<String, String> env = ReliabilityNodes.env(broker.url(), "parkleit/v1", "sec-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("PARKLEIT_MQTT_USERNAME", "parkleit");
        env.put("PARKLEIT_MQTT_PASSWORD", PARKLEIT_PASSWORD);
        node = ReliabilityNodes.start(env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anonymousClientsAndWrongPasswordsAreRefused() {
        assertThatThrownBy(() -> connect(broker.url(), null, null, null))
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> connect(broker.url(), OWN, "wrong", null))
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isIn((int) MqttException.REASON_CODE_NOT_AUTHORIZED,
                                (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }

    @Test
    void aGatewayCannotPublishForAnotherFacilityNorFakeStateButItsOwnReadingArrives() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient watcher = connect(broker.url(), "parkleit", PARKLEIT_PASSWORD, null);
        watcher.setCallback(collector(seen));
        watcher.subscribe(new String[] {"parkleit/v1/parking/#", "parkleit/v1/state/facility/" + OTHER}, new int[] {1, 1});
        JsonObject otherBefore = getFacility(OTHER);

        MqttClient gateway = connect(broker.url(), OWN, GATEWAY_PASSWORD, null);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        gateway.publish(TOPICS.occupancy(OTHER), bytes(new OccupancyReading(OTHER, ts, 1, null, null)), 1, false);
        gateway.publish(TOPICS.facilityState(OTHER), ("{\"id\":\"" + OTHER + "\",\"free\":999}").getBytes(StandardCharsets.UTF_8), 1, true);
        gateway.publish(TOPICS.occupancy(OWN), bytes(new OccupancyReading(OWN, ts, 42, null, null)), 1, false);

        JsonObject own = awaitFacility(OWN, ts, Duration.ofSeconds(10));
        assertThat(own).as("the gateway's own reading is live in parkleit").isNotNull();
        assertThat(own.getInteger("free")).isEqualTo(42);
        Thread.sleep(500);
        gateway.disconnect();
        watcher.disconnect();
        assertThat(seen).as("messages seen by a parkleit subscriber")
                .anyMatch(m -> m.startsWith(TOPICS.occupancy(OWN) + " "))
                .noneMatch(m -> m.startsWith(TOPICS.occupancy(OTHER) + " "))
                .noneMatch(m -> m.contains("\"free\":999"));
        JsonObject otherAfter = getFacility(OTHER);
        assertThat(otherAfter.getValue("free")).as("the other facility's live state is untouched").isEqualTo(otherBefore.getValue("free"));
        assertThat(otherAfter.getValue("updatedAt")).isEqualTo(otherBefore.getValue("updatedAt"));
    }

    @Test
    void aGatewayCannotReadOtherGatewaysInput() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient spy = connect(broker.url(), OWN, GATEWAY_PASSWORD, null);
        spy.setCallback(collector(seen));
        spy.subscribe("parkleit/v1/parking/#", 1);
        spy.subscribe("parkleit/v1/state/facility/" + OWN, 1);
        MqttClient parkleit = connect(broker.url(), "parkleit", PARKLEIT_PASSWORD, null);
        parkleit.publish(TOPICS.occupancy(OTHER), bytes(new OccupancyReading(OTHER, Instant.now(), 3, null, null)), 1, false);
        Thread.sleep(1_000);
        parkleit.disconnect();
        spy.disconnect();
        assertThat(seen).as("a gateway does not see other gateways' input").noneMatch(m -> m.startsWith(TOPICS.occupancy(OTHER) + " "));
        assertThat(seen).as("but may read the public state of its facility (retained)").anyMatch(m -> m.startsWith(TOPICS.facilityState(OWN) + " "));
    }

    @Test
    void theTlsListenerAcceptsClientsThatTrustTheCaAndRefusesOthers() throws Exception {
        SSLSocketFactory trusting = certs.trustingCa();
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient sub = connect(broker.tlsUrl(), "parkleit", PARKLEIT_PASSWORD, trusting);
        sub.setCallback(collector(seen));
        sub.subscribe("parkleit/v1/parking/#", 1);
        MqttClient gateway = connect(broker.tlsUrl(), OWN, GATEWAY_PASSWORD, trusting);
        gateway.publish(TOPICS.counts(OWN), "{\"ts\":\"2026-11-26T12:00:00Z\",\"entered\":1,\"exited\":0,\"seq\":1}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        long deadline = System.currentTimeMillis() + 5_000;
        while (seen.stream().noneMatch(m -> m.startsWith(TOPICS.counts(OWN) + " ")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        gateway.disconnect();
        sub.disconnect();
        assertThat(seen).as("delivered over TLS").anyMatch(m -> m.startsWith(TOPICS.counts(OWN) + " "));

        assertThatThrownBy(() -> connect(broker.tlsUrl(), OWN, GATEWAY_PASSWORD, null))
                .as("the JVM's default trust store does not know the test CA").isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(broker.tlsUrl(), null, null, trusting))
                .as("anonymous is refused on the TLS listener too")
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    static byte[] bytes(OccupancyReading r) {
        return ReadingCodec.encode(r);
    }

    private static MqttCallback collector(List<String> seen) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                seen.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }

    static MqttClient connect(String url, String user, String password, SSLSocketFactory tls) throws MqttException {
        MqttClient c = new MqttClient(url, "sec-" + UUID.randomUUID().toString().substring(0, 12), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        try {
            c.connect(o);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static JsonObject awaitFacility(String id, Instant ts, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject f = getFacility(id);
            if (ts.toString().equals(f.getString("updatedAt"))) {
                return f;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static JsonObject getFacility(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/facilities/" + id))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET facility " + id).isEqualTo(200);
        return new JsonObject(r.body());
    }
}
