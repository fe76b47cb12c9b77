package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.parkleit.app.simulation.InProcessSystem;
import de.parkleit.core.city.City;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.GuidanceClient;
import de.parkleit.simulator.driver.Drive;
import de.parkleit.simulator.driver.Position;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.TravelTimes;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TripOutcome;
import de.parkleit.simulator.evaluation.Scenario;
import de.parkleit.simulator.evaluation.ScenarioRunner;
import de.parkleit.simulator.evaluation.SystemUnderTest;
import de.parkleit.simulator.wire.WireSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same short scenario and seed give the same decisions in fast mode (parkleit's code in process
 * on a virtual clock, {@link InProcessSystem}) and in real mode (a whole node: readings over MQTT into
 * the real ingest, retained state back over MQTT, routes and guidance over HTTP, the simulator's
 * {@link WireSystem}).
 *
 * <p>The node runs with {@code PARKLEIT_CLOCK=simulation}: ingest and guidance take "now" from a
 * clock the simulator sets before every event ({@code PUT /api/v1/sim/clock}), and the simulator waits
 * until guidance has applied the states of the readings it published before it asks for the next
 * decision. On the wall clock (the earlier set-up, paced in real time) 19 of 69 trips decided
 * differently: guidance's "now" ran behind or ahead of the scenario by the pacing lag, which moved
 * the recommendations' expiry and the forecast horizon (docs/evaluation.md, "Fast mode and a running
 * node").
 *
 * <p>What is compared exactly: per trip the behaviour, the first facility aimed for, where the driver
 * parked, arrivals at full facilities and giving up; the number of readings and guidance calls, and
 * every guidance call (virtual time, origin, answer). The HTTP route answer rounds distance and
 * duration to 0.1 m / 0.1 s and coordinates to 1e-6 degrees; fast mode's routes are rounded the same way
 * here ({@link Recording}), else event times would differ by a few milliseconds per leg and two events
 * close together could swap. Search time and driven metres are still compared with a tolerance. On a mismatch the guidance calls of both modes
 * are printed side by side. The scenario is two minutes of Saturday noon (69 trips); the node run takes
 * seconds on top of the node's start.
 */
class ModeEquivalenceIT {

    static final Scenario SHORT = new Scenario("short", LocalDate.of(2026, 11, 28), LocalTime.of(12, 0), LocalTime.of(12, 2), 1.3,
            "two minutes of Saturday noon");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final long SEED = 3;

    @Test
    void fastModeInProcessDecidesAsARealNodeOverMqttAndHttp() throws Exception {
        DriverParameters params = DriverParameters.defaults().withCompliance(0.5).withSignReaction(0.3);
        try (TestBroker broker = TestBroker.start()) {
            String root = TestBroker.uniqueRoot();
            Map<String, String> vars = NodeFixture.env(broker.url(), root);
            vars.put("PARKLEIT_INSTANCE_ID", "simeq" + Long.toString(System.nanoTime() % 1_000_000, 36));
            vars.put("PARKLEIT_SIM_ENABLED", "false");
            vars.put("PARKLEIT_SIM_BACKFILL_DAYS", "0");
            vars.put("PARKLEIT_CLOCK", "simulation");
            vars.put("PARKLEIT_HTTP_RATE_LIMIT", "1000000");
            vars.put("PARKLEIT_HTTP_RATE_BURST", "1000000");
            if (!broker.supportsSharedSubscriptions()) {
                vars.put("PARKLEIT_INGEST_SHARE_GROUP", "none");
            }
            try (var node = NodeFixture.start(vars, Mode.SERVE)) {
                City city = node.city();
                InProcessSystem inProcess = new InProcessSystem(RoadNetwork.load(city.roadNetwork()),
                        GuidanceConfig.fromEnv(new Env(vars)), ZONE);
                List<String> fastCalls = new ArrayList<>();
                SimulationResult fast = new ScenarioRunner(city, SHORT, ZONE, params, new Recording(inProcess, fastCalls, true), SEED)
                        .run(true, p -> { });

                long t0 = System.nanoTime();
                SimulationResult real;
                List<String> realCalls = new ArrayList<>();
                try (WireSystem wire = new WireSystem("http://127.0.0.1:" + node.httpPort(), broker.url(), root)) {
                    real = new ScenarioRunner(city, SHORT, ZONE, params, new Recording(wire, realCalls, false), SEED).run(true, p -> { });
                    System.out.println("node clock: " + wire.clockStats());
                    assertThat(wire.clockStats()).as("the node ran on its simulation clock").hasSize(1);
                }
                long realMs = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("fast: %d trips, %d guidance calls, %d readings in %d ms; real: %d ms%n", fast.outcomes().size(),
                        fast.guidanceCalls(), fast.readings(), fast.wallTime().toMillis(), realMs);

                List<Decision> df = decisions(fast.outcomes());
                List<Decision> dr = decisions(real.outcomes());
                String sideBySide = sideBySide(fastCalls, realCalls);
                if (!df.equals(dr) || !fastCalls.equals(realCalls)) {
                    System.out.println("guidance calls, fast | real:\n" + sideBySide);
                }
                assertThat(fast.outcomes()).hasSizeGreaterThan(20);
                assertThat(fast.guidanceCalls()).isGreaterThan(5);
                assertThat(fast.outcomes().stream().filter(o -> o.behaviour().equals("guided"))).isNotEmpty();
                assertThat(realCalls).as("guidance calls (virtual time, origin, answer), fast | real:%n%s", sideBySide)
                        .isEqualTo(fastCalls);
                assertThat(dr).isEqualTo(df);
                assertThat(real.readings()).isEqualTo(fast.readings());
                assertThat(real.guidanceCalls()).isEqualTo(fast.guidanceCalls());
                for (int i = 0; i < fast.outcomes().size(); i++) {
                    TripOutcome f = fast.outcomes().get(i);
                    TripOutcome r = real.outcomes().get(i);
                    assertThat(r.searchSeconds()).as("search time of trip %d", f.tripId()).isCloseTo(f.searchSeconds(), within(2.0));
                    assertThat(r.drivenMeters()).as("driven metres of trip %d", f.tripId()).isCloseTo(f.drivenMeters(), within(5.0));
                }
                assertThat(realMs).as("real mode on the node's simulation clock is not paced in real time").isLessThan(90_000);
            }
        }
    }

    /**
     * A system whose guidance calls are written down as "virtual time origin -> answer". With
     * {@code roundLikeHttp} its routes are rounded as {@code GET /api/v1/route} rounds them (0.1 m, 0.1 s,
     * 1e-6 degrees), so both modes' agents drive the very same legs and events happen at the same
     * millisecond: the guidance calls can then be compared exactly, not only the decisions.
     */
    record Recording(SystemUnderTest system, List<String> calls, boolean roundLikeHttp) implements SystemUnderTest {
        @Override
        public String describe() {
            return system.describe();
        }

        @Override
        public TravelTimes travelTimes() {
            return roundLikeHttp ? rounded(system.travelTimes()) : system.travelTimes();
        }

        @Override
        public SimulationPorts open(City city, Instant start, boolean guidanceOn) {
            SimulationPorts p = system.open(city, start, guidanceOn);
            TravelTimes travel = roundLikeHttp ? rounded(p.travel()) : p.travel();
            GuidanceClient g = (from, to, now) -> {
                List<String> answer = p.guidance().recommend(from, to, now);
                calls.add(now + " " + from.query() + " -> " + answer);
                return answer;
            };
            return new SimulationPorts(travel, g, p.state(), p.sink(), p.pacer());
        }

        @Override
        public void close() {
            system.close();
        }

        static TravelTimes rounded(TravelTimes t) {
            return (from, to) -> t.route(from, to).map(l -> new Drive(round(l.meters(), 10), round(l.seconds(), 10),
                    l.points().stream().map(q -> new Position(round(q.lat(), 1e6), round(q.lon(), 1e6))).toList()));
        }

        static double round(double v, double scale) {
            return Math.round(v * scale) / scale;
        }
    }

    static String sideBySide(List<String> a, List<String> b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "-";
            String y = i < b.size() ? b.get(i) : "-";
            s.append(x.equals(y) ? "  " : "≠ ").append(x).append(" | ").append(y).append('\n');
        }
        return s.toString();
    }

    /** What a driver decided and what came of it, without the times and distances. */
    record Decision(int tripId, String behaviour, String firstTarget, String parkedAt, int fullArrivals, boolean gaveUp) {
    }

    static List<Decision> decisions(List<TripOutcome> outcomes) {
        return outcomes.stream()
                .map(o -> new Decision(o.tripId(), o.behaviour(), o.firstTarget(), o.parkedAt(), o.fullArrivals(), o.gaveUp()))
                .toList();
    }
}
