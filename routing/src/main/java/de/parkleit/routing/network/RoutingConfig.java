package de.parkleit.routing.network;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.routing.traffic.TrafficConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Routing settings, built once from the environment.
 *
 * <table>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>PARKLEIT_ROUTING_SNAP_M</td><td>300</td><td>a query point farther than this from every road is outside the network</td></tr>
 *   <tr><td>PARKLEIT_ROUTING_HIERARCHY</td><td>true</td><td>answer queries with a customizable contraction hierarchy (false: plain Dijkstra)</td></tr>
 *   <tr><td>PARKLEIT_ROUTING_WORKERS</td><td>2</td><td>size of the {@code parkleit-routing} worker pool that runs HTTP route searches</td></tr>
 *   <tr><td>PARKLEIT_TRAFFIC_FRESH</td><td>5m</td><td>a detector reading counts in full this long</td></tr>
 *   <tr><td>PARKLEIT_TRAFFIC_DECAY</td><td>10m</td><td>then fades to free flow over this long</td></tr>
 *   <tr><td>PARKLEIT_TRAFFIC_SNAP_M</td><td>30</td><td>a detector farther than this from every road is ignored</td></tr>
 * </table>
 */
public record RoutingConfig(double snapMeters, boolean hierarchy, int workers, TrafficConfig traffic) {

    public static final RoutingConfig DEFAULTS = new RoutingConfig(RoadNetwork.DEFAULT_SNAP_METERS, true, 2,
            TrafficConfig.DEFAULTS);

    public RoutingConfig {
        Objects.requireNonNull(traffic, "traffic");
        if (!(snapMeters > 0) || snapMeters > 10_000) {
            throw new ConfigException("PARKLEIT_ROUTING_SNAP_M must be within (0, 10000] m, got " + snapMeters);
        }
        if (workers < 1 || workers > 64) {
            throw new ConfigException("PARKLEIT_ROUTING_WORKERS must be within [1, 64], got " + workers);
        }
    }

    public static RoutingConfig fromEnv(Env env) {
        TrafficConfig d = TrafficConfig.DEFAULTS;
        Duration fresh = env.duration("PARKLEIT_TRAFFIC_FRESH", d.freshFor());
        Duration decay = env.duration("PARKLEIT_TRAFFIC_DECAY", d.decayOver());
        int trafficSnap = env.intInRange("PARKLEIT_TRAFFIC_SNAP_M", (int) d.snapMeters(), 1, 1000);
        return new RoutingConfig(env.intInRange("PARKLEIT_ROUTING_SNAP_M", (int) RoadNetwork.DEFAULT_SNAP_METERS, 1, 10_000),
                env.bool("PARKLEIT_ROUTING_HIERARCHY", true),
                env.intInRange("PARKLEIT_ROUTING_WORKERS", 2, 1, 64),
                new TrafficConfig(fresh, decay, trafficSnap, d.maxSlowdown()));
    }
}
