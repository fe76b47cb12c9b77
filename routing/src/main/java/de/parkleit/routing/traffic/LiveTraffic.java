package de.parkleit.routing.traffic;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live traffic state of one graph: detectors bound to the edges they measure and their latest
 * readings. {@link #weightsAt} derives a new immutable travel-time version from free flow and every
 * reading still in effect, copying only what changes; older versions stay valid for searches that
 * hold them. Thread-safe (methods synchronise on this instance; none blocks for long).
 */
public final class LiveTraffic {

    /** The edges a detector was bound to. */
    public record Binding(String detectorId, int[] edges, double snapMeters) {
    }

    private record Observation(TrafficReading reading, int[] edges, double[] factors) {
    }

    private final RoadGraph graph;
    private final EdgeSnapper snapper;
    private final EdgeGeometry geometry;
    private final TrafficConfig config;
    private final CongestionModel model;
    private final int[] freeFlow;
    private final Map<String, Detector> detectors = new HashMap<>();
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Observation> latest = new HashMap<>();
    private long version;

    public LiveTraffic(RoadGraph graph, EdgeSnapper snapper, TrafficConfig config) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.snapper = Objects.requireNonNull(snapper, "snapper");
        this.geometry = new EdgeGeometry(graph);
        this.config = Objects.requireNonNull(config, "config");
        this.model = new CongestionModel(config.maxSlowdown());
        this.freeFlow = EdgeWeights.freeFlow(graph).toArray();
    }

    /**
     * Binds a detector to the edge it measures: the edge nearest its position, in the direction
     * closest to its heading (both directions when it has none). Empty if it is off the network.
     */
    public synchronized Optional<Binding> addDetector(Detector d) {
        Optional<Snap> snap = snapper.snap(d.position().lat(), d.position().lon(), config.snapMeters());
        if (snap.isEmpty()) {
            return Optional.empty();
        }
        Snap s = snap.get();
        List<Integer> edges = new ArrayList<>();
        for (int e : new int[] {s.forwardEdge(), s.backwardEdge()}) {
            if (e >= 0 && (d.headingDeg() == null || angle(geometry.bearingAt(e, s.fractionOn(e)), d.headingDeg()) <= 90)) {
                edges.add(e);
            }
        }
        if (edges.isEmpty()) {
            return Optional.empty();
        }
        Binding b = new Binding(d.id(), edges.stream().mapToInt(Integer::intValue).toArray(), s.distanceMeters());
        detectors.put(d.id(), d);
        bindings.put(d.id(), b);
        latest.remove(d.id());
        return Optional.of(b);
    }

    private static double angle(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    public synchronized int detectorCount() {
        return detectors.size();
    }

    /**
     * Records a reading; false (ignored) if its detector is unknown or it is older than the one held.
     */
    public synchronized boolean apply(TrafficReading r) {
        Binding b = bindings.get(r.detectorId());
        if (b == null) {
            return false;
        }
        Observation prev = latest.get(r.detectorId());
        if (prev != null && prev.reading().ts().isAfter(r.ts())) {
            return false;
        }
        Detector d = detectors.get(r.detectorId());
        double[] factors = new double[b.edges().length];
        for (int i = 0; i < factors.length; i++) {
            int e = b.edges()[i];
            double capacity = d.capacityPerLane() > 0 ? d.capacityPerLane()
                    : CongestionModel.defaultCapacityPerLane(graph.roadClass(e));
            factors[i] = model.factor(r, graph.freeFlowKmh(e), d.lanes(), capacity);
        }
        latest.put(r.detectorId(), new Observation(r, b.edges(), factors));
        return true;
    }

    /**
     * A new travel-time version at {@code now}: free flow times the mean factor of every detector on
     * an edge, each faded by the age of its reading. Readings past fresh + decay are forgotten.
     */
    public synchronized EdgeWeights weightsAt(Instant now) {
        int[] times = freeFlow.clone();
        Map<Integer, double[]> sums = new HashMap<>();
        latest.values().removeIf(o -> config.influence(Duration.between(o.reading().ts(), now)) <= 0);
        for (Observation o : latest.values()) {
            double influence = config.influence(Duration.between(o.reading().ts(), now));
            for (int i = 0; i < o.edges().length; i++) {
                double[] acc = sums.computeIfAbsent(o.edges()[i], k -> new double[2]);
                acc[0] += 1 + (o.factors()[i] - 1) * influence;
                acc[1]++;
            }
        }
        for (Map.Entry<Integer, double[]> en : sums.entrySet()) {
            int e = en.getKey();
            double factor = en.getValue()[0] / en.getValue()[1];
            times[e] = (int) Math.min(Integer.MAX_VALUE / 4, Math.round(freeFlow[e] * factor));
        }
        return EdgeWeights.wrap(times, ++version, now);
    }
}
