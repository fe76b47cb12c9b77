package de.parkleit.simulator.wire;

import de.parkleit.core.city.City;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.driver.CachedTravelTimes;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.TravelTimes;
import de.parkleit.simulator.evaluation.SystemUnderTest;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Real mode: the agents' readings go over MQTT to a running parkleit, its retained state comes
 * back over MQTT, guidance and routes come over HTTP. A node started with
 * {@code PARKLEIT_CLOCK=simulation} (it answers {@code GET /api/v1/sim/clock}) runs on the
 * scenario's time: {@link NodeClock} sets its clock before every event and waits until its guidance
 * has the states just published, so the run is as fast as the round trips allow and decides exactly
 * as fast mode does. Any other node runs on the wall clock: the scenario is shifted onto it and
 * paced in real time. Do not run the gateway simulator against the same facilities at
 * the same time (its readings would mix with the agents').
 */
public final class WireSystem implements SystemUnderTest {

    private final String apiUrl;
    private final String mqttUrl;
    private final Topics topics;
    private final Vertx vertx = Vertx.vertx();
    private final TravelTimes travel;
    private final List<MqttSystem> opened = new ArrayList<>();
    private final HttpJson http = new HttpJson();
    private final List<NodeClock> clocks = new ArrayList<>();

    public WireSystem(String apiUrl, String mqttUrl, String topicRoot) {
        this.apiUrl = apiUrl;
        this.mqttUrl = mqttUrl;
        this.topics = new Topics(topicRoot);
        this.travel = new CachedTravelTimes(new HttpTravelTimes(apiUrl));
    }

    @Override
    public String describe() {
        return "running parkleit at " + apiUrl + " (routes and guidance over HTTP), readings and state over MQTT at "
                + mqttUrl + ", on its simulation clock if it has one, else in real time";
    }

    @Override
    public TravelTimes travelTimes() {
        return travel;
    }

    @Override
    public SimulationPorts open(City city, Instant start, boolean guidanceOn) {
        MqttSystem mqtt = new MqttSystem(vertx, new MqttSettings(mqttUrl, "parkleit-sim-" + UUID.randomUUID(), true, null, null),
                topics, Duration.ofSeconds(10)).connect();
        opened.add(mqtt);
        Optional<Instant> nodeTime = NodeClock.probe(apiUrl, http);
        if (nodeTime.isPresent()) {
            Duration offset = NodeClock.weeksAfter(start, nodeTime.get());
            NodeClock clock = NodeClock.start(apiUrl, mqtt, http, start.plus(offset));
            clocks.add(clock);
            return TimeShift.apply(new SimulationPorts(travel, new HttpGuidanceClient(apiUrl), mqtt, clock, clock), offset);
        }
        SimulationPorts ports = new SimulationPorts(travel, new HttpGuidanceClient(apiUrl), mqtt, mqtt, SimulationPorts.Pacer.REAL_TIME);
        Duration offset = Duration.between(start, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return TimeShift.apply(ports, offset);
    }

    /** Per run on a node's simulation clock: syncs, how often guidance was behind, the longest wait; empty on the wall clock. */
    public List<String> clockStats() {
        return clocks.stream().map(NodeClock::stats).toList();
    }

    @Override
    public void close() {
        opened.forEach(MqttSystem::close);
        vertx.close().await();
    }
}
