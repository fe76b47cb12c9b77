package de.parkleit.bench.routing;

import com.graphhopper.GraphHopper;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.network.Optimize;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.Route;
import de.parkleit.routing.network.RoutingConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Import time and retained heap of parkleit and GraphHopper (CH prepared) on the full extract,
 * and the time from a traffic update (300 detector readings) to the first query that uses it.
 * Run: {@code java -Xmx2g -cp bench/routing/target/routing-benchmarks.jar de.parkleit.bench.routing.RoutingFootprint}.
 */
public final class RoutingFootprint {

    private RoutingFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path pbf = BenchData.fullExtract();
        int runs = 5;
        long[] ours = new long[runs];
        long[] gh = new long[runs];
        RoadNetwork net = null;
        GraphHopper hopper = null;
        for (int i = 0; i < runs; i++) {
            net = null;
            long base = retainedHeap();
            long t0 = System.nanoTime();
            net = RoadNetwork.load(pbf, TravelMode.CAR, RoutingConfig.DEFAULTS);
            ours[i] = (System.nanoTime() - t0) / 1_000_000;
            report("parkleit", i, ours[i], retainedHeap() - base);
        }
        for (int i = 0; i < runs; i++) {
            if (hopper != null) {
                hopper.close();
            }
            hopper = null;
            Path dir = Files.createTempDirectory("parkleit-footprint-gh");
            long base = retainedHeap();
            long t0 = System.nanoTime();
            hopper = BenchData.graphHopper(pbf, dir);
            gh[i] = (System.nanoTime() - t0) / 1_000_000;
            report("graphhopper", i, gh[i], retainedHeap() - base);
            BenchData.delete(dir);
        }
        System.out.printf(Locale.ROOT, "import min / median of %d: parkleit %d / %d ms, graphhopper (import + CH) %d / %d ms%n",
                runs, min(ours), median(ours), min(gh), median(gh));
        updateLatency(net);
        hopper.close();
    }

    private static void updateLatency(RoadNetwork net) {
        LiveTrafficFeed feed = new LiveTrafficFeed(net, 300);
        List<GeoPoint> pts = BenchData.randomJunctions(net.graph(), 2, 7);
        int n = 50;
        long[] toQuery = new long[n];
        for (int i = 0; i < n + 10; i++) {
            long t0 = System.nanoTime();
            long version = feed.updateOnce();
            Route r = net.route(pts.get(0), pts.get(1), Optimize.TIME);
            long took = System.nanoTime() - t0;
            if (r.weightsVersion() != version) {
                throw new IllegalStateException("query did not use the new weights");
            }
            if (i >= 10) {
                toQuery[i - 10] = took / 1000;
            }
        }
        Arrays.sort(toQuery);
        System.out.printf(Locale.ROOT, "traffic update (300 readings + refresh + customization) to first answered query: p50 %.1f ms, max %.1f ms%n",
                toQuery[n / 2] / 1000.0, toQuery[n - 1] / 1000.0);
        feed.close();
    }

    private static void report(String engine, int run, long millis, long bytes) {
        System.out.printf(Locale.ROOT, "%s import run %d: %d ms, retained heap %.1f MB%n", engine, run, millis, bytes / 1e6);
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long min(long[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
