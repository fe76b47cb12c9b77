package de.parkleit.routing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.RoutingConfig;
import de.parkleit.routing.network.TestNetworks;
import de.parkleit.routing.traffic.Detector;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficVerticleIT {

    @Test
    void aRetainedTrafficStateSlowsItsEdgeWithinSeconds() throws Exception {
        RoadNetwork net = new RoadNetwork(TestNetworks.heidelbergCar().graph(), RoutingConfig.DEFAULTS);
        int edge = net.route(new GeoPoint(49.4097, 8.6918), new GeoPoint(49.4114, 8.7080),
                de.parkleit.routing.network.Optimize.TIME).path().edges()[3];
        EdgeGeometry geometry = new EdgeGeometry(net.graph());
        List<GeoPoint> mid = new ArrayList<>();
        geometry.append(edge, 0.5, 0.5, mid);
        Detector d = new Detector("D7", mid.get(0), geometry.bearingAt(edge, 0.5), 1, 0);
        Topics topics = new Topics(TestBroker.uniqueRoot());
        Vertx vertx = Vertx.vertx();
        try (TestBroker broker = TestBroker.start()) {
            MqttSettings settings = new MqttSettings(broker.url(), "traffic-it", true, null, null);
            WorkerExecutor workers = vertx.createSharedWorkerExecutor("parkleit-routing-it", 1);
            TrafficVerticle verticle = new TrafficVerticle(settings, topics, net, List.of(d), workers, Clock.systemUTC());
            vertx.deployVerticle(verticle).await();
            String now = Instant.now().toString();
            publish(vertx, settings, topics.trafficState("D7"),
                    "{\"id\":\"D7\",\"ts\":\"" + now + "\",\"intervalS\":60,\"count\":3,\"speedKmh\":4.0,\"occupancyPct\":60.0}");
            publish(vertx, settings, topics.trafficState("D8"), "{\"id\":\"D8\",\"ts\":\"not a time\"}");
            int free = net.graph().freeFlowMs(edge);
            await().atMost(Duration.ofSeconds(15)).until(() -> net.travelTimes().get(edge) > 2 * free);
            assertThat(net.travelTimes().version()).isPositive();
            await().atMost(Duration.ofSeconds(5)).until(() -> verticle.rejected() == 1);
        } finally {
            vertx.close().await();
        }
    }

    private static void publish(Vertx vertx, MqttSettings settings, String topic, String json) {
        var ctx = vertx.getOrCreateContext();
        MqttConnection pub = new MqttConnection(ctx, settings.withClientId("traffic-it-pub-" + System.nanoTime()), false);
        pub.connect().compose(v -> pub.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, true))
                .compose(v -> pub.disconnect()).await();
    }
}
