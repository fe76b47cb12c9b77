package de.parkleit.bench.routing;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.network.Leg;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import de.parkleit.routing.network.RoutingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point-to-point and one-to-many (origin to the 20 Heidelberg garages) latency on the full
 * Heidelberg extract, all engines in one JVM and run: parkleit with its customizable contraction
 * hierarchy while live traffic re-weights the graph every {@code trafficPeriodMs}, parkleit with
 * plain Dijkstra, GraphHopper 11 CH and GraphHopper flexible (bidirectional A*). Every query
 * includes snapping both points; one-to-many for GraphHopper is 20 point-to-point queries, as it
 * has no one-to-many search in its open-source core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
public class RoutingBenchmark {

    private static final int PAIRS = 4096;
    /** P19 Campbell Barracks lies 420 m from the nearest public road in this 2017 extract. */
    private static final double GARAGE_SNAP_M = 1000;

    @Param("5000")
    public long trafficPeriodMs;

    private RoadNetwork cch;
    private RoadNetwork dijkstra;
    private GraphHopper hopper;
    private Path ghDir;
    private LiveTrafficFeed traffic;
    private List<GeoPoint> points;
    private List<GeoPoint> garages;
    private List<Snap> garageSnaps;
    private List<Snap> garageSnapsDijkstra;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path pbf = BenchData.fullExtract();
        cch = RoadNetwork.load(pbf, TravelMode.CAR, RoutingConfig.DEFAULTS);
        RoutingConfig plain = new RoutingConfig(RoutingConfig.DEFAULTS.snapMeters(), false, 1, RoutingConfig.DEFAULTS.traffic());
        dijkstra = new RoadNetwork(cch.graph(), plain);
        ghDir = Files.createTempDirectory("parkleit-bench-gh");
        hopper = BenchData.graphHopper(pbf, ghDir);
        points = BenchData.randomJunctions(cch.graph(), 2 * PAIRS, 42);
        garages = BenchData.garages();
        garageSnaps = garages.stream().map(g -> cch.snap(g, GARAGE_SNAP_M).orElseThrow()).toList();
        garageSnapsDijkstra = garages.stream().map(g -> dijkstra.snap(g, GARAGE_SNAP_M).orElseThrow()).toList();
        garages = garageSnaps.stream().map(Snap::point).toList();
        traffic = new LiveTrafficFeed(cch, 300);
        traffic.start(trafficPeriodMs);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        traffic.close();
        hopper.close();
        BenchData.delete(ghDir);
    }

    private int pair() {
        next = (next + 1) & (PAIRS - 1);
        return next;
    }

    @Benchmark
    public Route p2pParkleitCchLiveWeights() {
        int i = pair();
        return cch.route(points.get(2 * i), points.get(2 * i + 1), Optimize.TIME);
    }

    @Benchmark
    public Route p2pParkleitDijkstra() {
        int i = pair();
        return dijkstra.route(points.get(2 * i), points.get(2 * i + 1), Optimize.TIME);
    }

    @Benchmark
    public GHResponse p2pGraphHopperCh() {
        int i = pair();
        return hopper.route(request(points.get(2 * i), points.get(2 * i + 1), false));
    }

    @Benchmark
    public GHResponse p2pGraphHopperFlexible() {
        int i = pair();
        return hopper.route(request(points.get(2 * i), points.get(2 * i + 1), true));
    }

    @Benchmark
    public List<Optional<Leg>> oneToManyParkleitCchLiveWeights() {
        Snap origin = cch.snapOrThrow(points.get(pair()), "origin");
        return cch.oneToMany(origin, garageSnaps, Optimize.TIME);
    }

    @Benchmark
    public List<Optional<Leg>> oneToManyParkleitDijkstra() {
        Snap origin = dijkstra.snapOrThrow(points.get(pair()), "origin");
        return dijkstra.oneToMany(origin, garageSnapsDijkstra, Optimize.TIME);
    }

    @Benchmark
    public double oneToManyGraphHopperCh() {
        return twentyQueries(false);
    }

    @Benchmark
    public double oneToManyGraphHopperFlexible() {
        return twentyQueries(true);
    }

    private double twentyQueries(boolean flexible) {
        GeoPoint origin = points.get(pair());
        double sum = 0;
        for (GeoPoint g : garages) {
            GHResponse r = hopper.route(request(origin, g, flexible).putHint("calc_points", false));
            sum += r.hasErrors() ? 0 : r.getBest().getTime();
        }
        return sum;
    }

    private static GHRequest request(GeoPoint from, GeoPoint to, boolean flexible) {
        GHRequest r = new GHRequest(from.lat(), from.lon(), to.lat(), to.lon()).setProfile("car");
        r.putHint("instructions", false);
        if (flexible) {
            r.putHint("ch.disable", true);
        }
        return r;
    }
}
