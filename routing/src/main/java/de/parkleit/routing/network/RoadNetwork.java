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
import de.parkleit.routing.search.Dijkstra;
import de.parkleit.routing.search.Path;
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
    private final Dijkstra dijkstra;
    private final EdgeWeights lengths;
    private final AtomicReference<EdgeWeights> travelTimes;
    private final double snapMeters;

    public RoadNetwork(RoadGraph graph, double snapMeters) {
        if (!(snapMeters > 0)) {
            throw new IllegalArgumentException("snap radius must be > 0 m, got " + snapMeters);
        }
        this.graph = Objects.requireNonNull(graph, "graph");
        this.snapper = new EdgeSnapper(graph);
        this.geometry = new EdgeGeometry(graph);
        this.dijkstra = new Dijkstra(graph);
        this.lengths = EdgeWeights.lengths(graph);
        this.travelTimes = new AtomicReference<>(EdgeWeights.freeFlow(graph));
        this.snapMeters = snapMeters;
    }

    /** Imports the car network of an OSM PBF extract and logs its size once. */
    public static RoadNetwork load(java.nio.file.Path pbf) {
        return load(pbf, TravelMode.CAR, DEFAULT_SNAP_METERS);
    }

    /** Imports the network of one travel mode from an OSM PBF extract and logs its size once. */
    public static RoadNetwork load(java.nio.file.Path pbf, TravelMode mode, double snapMeters) {
        OsmGraphImporter.Imported im = new OsmGraphImporter(WayRules.of(mode)).read(pbf);
        RoadGraph g = im.graph();
        LOG.info("road network {} ({}): {} junctions, {} edges from {} ways; dropped {} nodes ({} %) and {} edges "
                        + "outside the largest strongly connected component; {} ms, {} MB",
                pbf.getFileName(), mode.name().toLowerCase(Locale.ROOT), g.nodeCount(), g.edgeCount(), im.waysUsed(),
                im.droppedNodes(), String.format(Locale.ROOT, "%.1f", im.droppedNodeShare() * 100), im.droppedEdges(),
                im.millis(), String.format(Locale.ROOT, "%.1f", g.memoryBytes() / 1e6));
        return new RoadNetwork(g, snapMeters);
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

    /** Like {@link #snap} but throws {@link OutsideNetworkException} naming {@code which} point it was. */
    public Snap snapOrThrow(GeoPoint p, String which) {
        return snap(p).orElseThrow(() -> new OutsideNetworkException(which, p.lat(), p.lon(), snapMeters));
    }

    /** The travel times queries use now. */
    public EdgeWeights travelTimes() {
        return travelTimes.get();
    }

    /** Replaces the travel times; running queries finish on the weights they started with. */
    public void setTravelTimes(EdgeWeights times) {
        if (times.size() != graph.edgeCount()) {
            throw new IllegalArgumentException("expected " + graph.edgeCount() + " edge weights, got " + times.size());
        }
        travelTimes.set(times);
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
        EdgeWeights times = travelTimes.get();
        EdgeWeights weights = optimize == Optimize.TIME ? times : lengths;
        Path path = dijkstra.route(weights, from, to).orElseThrow(() -> new NoRouteException(
                "no " + graph.mode().name().toLowerCase(Locale.ROOT) + " route from " + from.point() + " to " + to.point()));
        return toRoute(path, times, optimize);
    }

    private Route toRoute(Path path, EdgeWeights times, Optimize optimize) {
        double cm = 0;
        double ms = 0;
        List<GeoPoint> points = new ArrayList<>();
        int[] edges = path.edges();
        for (int i = 0; i < edges.length; i++) {
            double share = path.travelledShare(i);
            cm += share * graph.lengthCm(edges[i]);
            ms += share * times.get(edges[i]);
            geometry.append(edges[i], i == 0 ? path.startFraction() : 0, i == edges.length - 1 ? path.endFraction() : 1,
                    points);
        }
        if (points.size() == 1) {
            points.add(points.get(0));
        }
        return new Route(cm / 100, ms / 1000, points, path, optimize, times.version());
    }
}
