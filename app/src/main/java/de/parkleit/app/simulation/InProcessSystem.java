package de.parkleit.app.simulation;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.city.City;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.guidance.CrowFlyWalk;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.GuidancePlanner;
import de.parkleit.guidance.IssuedLedger;
import de.parkleit.guidance.LiveFacilities;
import de.parkleit.guidance.NetworkDriveRouter;
import de.parkleit.guidance.SearchTimeCurve;
import de.parkleit.guidance.TrendForecast;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.simulator.driver.CachedTravelTimes;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.TravelTimes;
import de.parkleit.simulator.evaluation.SimulateOptions;
import de.parkleit.simulator.evaluation.SystemUnderTest;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Fast mode of {@code ./parkleit simulate}: parkleit's own code in process on a virtual clock.
 * Routes come from the routing module's {@link RoadNetwork}; readings go through ingest's decode,
 * validate and live state ({@link InProcessIngest}); every changed state reaches the guidance's
 * {@link LiveFacilities} and {@link TrendForecast} as the retained state topic does in a node
 * ({@code GuidanceVerticle}); guidance is the {@link GuidancePlanner} built as {@code GuidanceVerticle}
 * builds it. Each {@link #open} starts with empty live state, forecast and issued ledger.
 */
public final class InProcessSystem implements SystemUnderTest {

    private final RoadNetwork network;
    private final GuidanceConfig config;
    private final ZoneId zone;
    private final TravelTimes travel;

    /**
     * @param network the city's road network
     * @param config  guidance settings (a node's are {@code GuidanceConfig.fromEnv})
     * @param zone    local time of the city (ingest's night rules)
     */
    public InProcessSystem(RoadNetwork network, GuidanceConfig config, ZoneId zone) {
        this.network = network;
        this.config = config;
        this.zone = zone;
        this.travel = new CachedTravelTimes(new RoadTravelTimes(network));
    }

    /** For {@code ./parkleit simulate}: loads the road network of {@code --city}; guidance as a node configured by {@code env}. */
    public static InProcessSystem forOptions(SimulateOptions o, de.parkleit.platform.config.Env env) {
        City city = CityLoader.load(o.city(), "--city");
        return new InProcessSystem(RoadNetwork.load(city.roadNetwork()), GuidanceConfig.fromEnv(env), o.zone());
    }

    @Override
    public String describe() {
        return "in-process parkleit: road network, ingest decode/validate/live state, GuidancePlanner on the virtual clock";
    }

    @Override
    public TravelTimes travelTimes() {
        return travel;
    }

    @Override
    public SimulationPorts open(City city, Instant start, boolean guidanceOn) {
        VirtualClock clock = new VirtualClock(start);
        LiveFacilities live = new LiveFacilities(city.facilities(), config.staleAfter());
        TrendForecast forecast = new TrendForecast();
        GuidancePlanner planner = new GuidancePlanner(config, live, forecast, new NetworkDriveRouter(network, city.facilities()),
                new CrowFlyWalk(config.walkDetour(), config.walkSpeedKmh()), new IssuedLedger(), SearchTimeCurve.DEFAULT, clock);
        InProcessIngest ingest = new InProcessIngest(city.facilities(), new Topics(config.topicRoot()), config.staleAfter(), zone,
                clock, s -> {
                    if (live.apply(s) == LiveBoard.Outcome.APPLIED) {
                        forecast.observe(s);
                    }
                });
        return new SimulationPorts(travel, new InProcessGuidance(planner, clock), ingest, ingest, SimulationPorts.Pacer.NONE);
    }
}
