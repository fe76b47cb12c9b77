package de.parkleit.routing.network;

import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.osm.OsmGraphImporter;
import de.parkleit.routing.osm.WayRules;
import de.parkleit.routing.traffic.LiveTraffic;
import de.parkleit.routing.traffic.TrafficConfig;
import de.parkleit.routing.search.EdgePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A city's road network for one travel mode: the graph, its snapping index and the current travel
 * times, answering route queries. Load once at start ({@link #load}); all query methods are
 * thread-safe and blocking (milliseconds), so call them from a worker thread, never an event loop.
 */
public final class RoadNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(RoadNetwork.class);
    /** Default snap radius: a position farther than this from every road is outside the network. */
    public static final double DEFAULT_SNAP_METERS = 300;

    private final RoadGraph graph;
    private final EdgeSnapper snapper;
    private final EdgeGeometry geometry;
    private final SearchEngine engine;
    private final LiveTraffic traffic;
    private final SearchEngine.Metric lengths;
    private final AtomicReference<SearchEngine.Metric> travelTimes;
    private final double snapMeters;
    /** Serialises weight updates so versions are published in order; queries never take it. */
    private final Object refreshLock = new Object();

    /** A network over a built graph with default settings (tests, tools). */
    public RoadNetwork(RoadGraph graph, double snapMeters) {
        this(graph, new RoutingConfig(snapMeters, true, 1, TrafficConfig.DEFAULTS));
    }

    /** Builds the snapping index and, if configured, the contraction hierarchy (about a second per 10k junctions). */
    public RoadNetwork(RoadGraph graph, RoutingConfig config) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.snapMeters = config.snapMeters();
        this.snapper = new EdgeSnapper(graph);
        this.geometry = new EdgeGeometry(graph);
        this.engine = new SearchEngine(graph, config.hierarchy());
        this.traffic = new LiveTraffic(graph, snapper, config.traffic());
        this.lengths = engine.prepare(EdgeWeights.lengths(graph));
        this.travelTimes = new AtomicReference<>(engine.prepare(EdgeWeights.freeFlow(graph)));
    }

    /** Imports the car network of an OSM PBF extract with default settings and logs its size once. */
    public static RoadNetwork load(java.nio.file.Path pbf) {
        return load(pbf, TravelMode.CAR, RoutingConfig.DEFAULTS);
    }

    /** Imports the network of one travel mode from an OSM PBF extract and logs its size once. */
    public static RoadNetwork load(java.nio.file.Path pbf, TravelMode mode, RoutingConfig config) {
        OsmGraphImporter.Imported im = new OsmGraphImporter(WayRules.of(mode)).read(pbf);
        RoadGraph g = im.graph();
        LOG.info("road network {} ({}): {} junctions, {} edges from {} ways; dropped {} nodes ({} %) and {} edges "
                        + "outside the largest strongly connected component; {} ms, {} MB",
                pbf.getFileName(), mode.name().toLowerCase(Locale.ROOT), g.nodeCount(), g.edgeCount(), im.waysUsed(),
                im.droppedNodes(), String.format(Locale.ROOT, "%.1f", im.droppedNodeShare() * 100), im.droppedEdges(),
                im.millis(), String.format(Locale.ROOT, "%.1f", g.memoryBytes() / 1e6));
        long t0 = System.nanoTime();
        RoadNetwork net = new RoadNetwork(g, config);
        if (net.engine.hasHierarchy()) {
            LOG.info("road network {} ({}): contraction hierarchy with {} arcs, elimination tree height {}; indexes built in {} ms",
                    pbf.getFileName(), mode.name().toLowerCase(Locale.ROOT), net.engine.topology().arcCount(),
                    net.engine.topology().treeHeight(), (System.nanoTime() - t0) / 1_000_000);
        }
        return net;
    }

    public RoadGraph graph() {
        return graph;
    }

    public double snapMeters() {
        return snapMeters;
    }

    /** The nearest point on the network within the snap radius. */
    public Optional<Snap> snap(GeoPoint p) {
        return snapper.snap(p.lat(), p.lon(), snapMeters);
    }

    /**
     * The nearest point on the network within {@code maxMeters}, e.g. for a facility set back from
     * the road (its entrance may be reached over private ways the car graph leaves out).
     */
    public Optional<Snap> snap(GeoPoint p, double maxMeters) {
        return snapper.snap(p.lat(), p.lon(), maxMeters);
    }

    /** Like {@link #snap} but throws {@link OutsideNetworkException} naming {@code which} point it was. */
    public Snap snapOrThrow(GeoPoint p, String which) {
        return snap(p).orElseThrow(() -> new OutsideNetworkException(which, p.lat(), p.lon(), snapMeters));
    }

    /** The travel times queries use now. */
    public EdgeWeights travelTimes() {
        return travelTimes.get().weights();
    }

    /** The live traffic state: register detectors and feed readings here, then {@link #refreshTravelTimes}. */
    public LiveTraffic traffic() {
        return traffic;
    }

    /**
     * Derives travel times from the live traffic at {@code now} and makes them current; queries that
     * start afterwards use them. Call after readings arrive and periodically (stale readings fade).
     *
     * @return the new weights version
     */
    public long refreshTravelTimes(Instant now) {
        synchronized (refreshLock) {
            EdgeWeights w = traffic.weightsAt(now);
            setTravelTimes(w);
            return w.version();
        }
    }

    /**
     * Replaces the travel times once the hierarchy is customized for them (milliseconds); running
     * queries finish on the weights they started with.
     */
    public void setTravelTimes(EdgeWeights times) {
        if (times.size() != graph.edgeCount()) {
            throw new IllegalArgumentException("expected " + graph.edgeCount() + " edge weights, got " + times.size());
        }
        synchronized (refreshLock) {
            travelTimes.set(engine.prepare(times));
        }
    }

    /**
     * The best route between two positions.
     *
     * @throws OutsideNetworkException if a position is off the network
     * @throws NoRouteException        if no path joins them
     */
    public Route route(GeoPoint from, GeoPoint to, Optimize optimize) {
        return route(snapOrThrow(from, "from"), snapOrThrow(to, "to"), optimize);
    }

    /** The best route between two snapped positions; throws {@link NoRouteException} if there is none. */
    public Route route(Snap from, Snap to, Optimize optimize) {
        SearchEngine.Metric current = travelTimes.get();
        EdgeWeights times = current.weights();
        EdgePath path = engine.route(optimize == Optimize.TIME ? current : lengths, from, to).orElseThrow(() -> new NoRouteException(
                "no " + graph.mode().name().toLowerCase(Locale.ROOT) + " route from " + from.point() + " to " + to.point()));
        return toRoute(path, from, to, times, optimize);
    }

    /**
     * One search from {@code origin} to every target (e.g. the garages near a destination): the
     * leg to each, in the order given, or empty where a target cannot be reached within
     * {@code maxWeight} (ms for {@link Optimize#TIME}, cm for {@link Optimize#DISTANCE}).
     */
    public List<Optional<Leg>> oneToMany(Snap origin, List<Snap> targets, Optimize optimize, long maxWeight) {
        List<Snap> ends = List.copyOf(targets);
        SearchEngine.Metric current = travelTimes.get();
        EdgeWeights times = current.weights();
        EdgePath[] paths = engine.oneToMany(optimize == Optimize.TIME ? current : lengths, origin, ends, maxWeight);
        List<Optional<Leg>> legs = new ArrayList<>(paths.length);
        for (int i = 0; i < paths.length; i++) {
            legs.add(paths[i] == null ? Optional.empty() : Optional.of(toLeg(origin, ends.get(i), i, paths[i], times, optimize)));
        }
        return legs;
    }

    /** {@link #oneToMany(Snap, List, Optimize, long)} without a bound. */
    public List<Optional<Leg>> oneToMany(Snap origin, List<Snap> targets, Optimize optimize) {
        return oneToMany(origin, targets, optimize, Long.MAX_VALUE);
    }

    private Leg toLeg(Snap from, Snap to, int target, EdgePath path, EdgeWeights times, Optimize optimize) {
        double cm = 0;
        double ms = 0;
        int[] edges = path.edges();
        for (int i = 0; i < edges.length; i++) {
            double share = path.travelledShare(i);
            cm += share * graph.lengthCm(edges[i]);
            ms += share * times.get(edges[i]);
        }
        return new Leg(target, from, to, cm / 100, ms / 1000, path, optimize, times.version());
    }

    /** The full route (with its line) of a leg found by {@link #oneToMany}. */
    public Route toRoute(Leg leg) {
        Route r = toRoute(leg.path(), leg.from(), leg.to(), travelTimes.get().weights(), leg.optimize());
        return new Route(leg.distanceMeters(), leg.durationSeconds(), r.points(), leg.path(), leg.optimize(),
                leg.weightsVersion());
    }

    private Route toRoute(EdgePath path, Snap from, Snap to, EdgeWeights times, Optimize optimize) {
        double cm = 0;
        double ms = 0;
        List<GeoPoint> points = new ArrayList<>();
        points.add(from.point());
        int[] edges = path.edges();
        for (int i = 0; i < edges.length; i++) {
            double share = path.travelledShare(i);
            cm += share * graph.lengthCm(edges[i]);
            ms += share * times.get(edges[i]);
            geometry.append(edges[i], i == 0 ? path.startFraction() : 0, i == edges.length - 1 ? path.endFraction() : 1,
                    points);
        }
        if (!points.get(points.size() - 1).equals(to.point()) || points.size() == 1) {
            points.add(to.point());
        }
        return new Route(cm / 100, ms / 1000, points, path, optimize, times.version());
    }
}
