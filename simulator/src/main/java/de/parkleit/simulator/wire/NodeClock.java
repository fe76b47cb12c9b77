package de.parkleit.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.reading.Reading;
import de.parkleit.simulator.driver.ReadingSink;
import de.parkleit.simulator.driver.SimulationPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Drives a node that runs on a simulation clock ({@code PARKLEIT_CLOCK=simulation}) instead of
 * pacing the scenario in real time: before every event, and before every decision that reads the
 * system (a guidance request, a look at the signs), it waits until the states of the readings just
 * published have come back over MQTT, then sets the node's clock to the event's time with
 * {@code PUT /api/v1/sim/clock}, naming those states; the node answers once its guidance has applied
 * them. So every guidance request sees the same clock and the same states as the in-process fast
 * mode, whatever the machine's speed. Used from the simulation thread (blocking).
 */
final class NodeClock implements ReadingSink, SimulationPorts.Pacer {

    static final String PATH = "/api/v1/sim/clock";

    private final String url;
    private final MqttSystem mqtt;
    private final HttpJson http;
    private Instant now;
    private long syncs;
    private long lagging;
    private long laggingSyncs;
    private long maxWaitMs;

    private NodeClock(String url, MqttSystem mqtt, HttpJson http, Instant now) {
        this.url = url;
        this.mqtt = mqtt;
        this.http = http;
        this.now = now;
    }

    /** The node's simulation time, or empty when it runs on the wall clock (404). */
    static Optional<Instant> probe(String base, HttpJson http) {
        return http.get(base + PATH).map(n -> Instant.parse(n.path("now").asText()));
    }

    /** Sets the node's clock to {@code start} (which must not be before its time) and returns the driver. */
    static NodeClock start(String base, MqttSystem mqtt, HttpJson http, Instant start) {
        NodeClock c = new NodeClock(base + PATH, mqtt, http, start);
        c.put(start, Map.of());
        return c;
    }

    /**
     * The shift that puts a scenario starting at {@code start} at or after the node's time: zero, or
     * whole weeks, so weekday and time of day stay those of the scenario.
     */
    static Duration weeksAfter(Instant start, Instant nodeTime) {
        if (!start.isBefore(nodeTime)) {
            return Duration.ZERO;
        }
        long week = Duration.ofDays(7).toMillis();
        long weeks = (Duration.between(start, nodeTime).toMillis() + week - 1) / week;
        return Duration.ofDays(7 * weeks);
    }

    @Override
    public void awaitUntil(Instant t) {
        if (t.isAfter(now)) {
            sync(t);
        }
    }

    @Override
    public void publish(Reading reading) {
        mqtt.publish(reading);
    }

    @Override
    public void flush() {
        sync(now);
    }

    private void sync(Instant t) {
        mqtt.flush();
        Map<String, Instant> states = mqtt.takeUnsynced();
        if (t.isAfter(now) || !states.isEmpty()) {
            put(t, states);
        }
    }

    private void put(Instant t, Map<String, Instant> states) {
        ObjectNode body = HttpJson.mapper().createObjectNode().put("now", t.toString());
        ObjectNode s = body.putObject("states");
        states.forEach((id, ts) -> s.put(id, ts.toString()));
        JsonNode answer = http.put(url, body);
        now = t;
        syncs++;
        int l = answer.path("lagging").asInt(0);
        lagging += l;
        laggingSyncs += l > 0 ? 1 : 0;
        maxWaitMs = Math.max(maxWaitMs, answer.path("waitedMs").asLong(0));
        if (!Instant.parse(answer.path("now").asText()).equals(t)) {
            throw new IllegalStateException("the node's clock is at " + answer.path("now").asText() + " after setting it to " + t);
        }
    }

    /**
     * How often the clock was set, in how many of those guidance still lacked a state the simulator had
     * already seen come back over MQTT (and how many states), and the longest wait for them.
     */
    String stats() {
        return syncs + " clock syncs, " + laggingSyncs + " found guidance behind the simulator's own view (" + lagging
                + " states), longest wait " + maxWaitMs + " ms";
    }
}
