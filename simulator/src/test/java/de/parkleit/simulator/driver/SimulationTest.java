package de.parkleit.simulator.driver;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents on a small synthetic grid network with three garages: a small one by the destinations and two farther away. */
class SimulationTest {

    static final Position SW = new Position(49.40, 8.68);
    static final GridNetwork GRID = new GridNetwork(SW, 12, 150);
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    static final List<Facility> GARAGES = List.of(
            garage("near", GRID.node(6, 6), 30),
            garage("east", GRID.node(6, 10), 200),
            garage("north", GRID.node(10, 6), 200));

    static Facility garage(String id, Position p, int cap) {
        return new Facility(id, id, FacilityType.GARAGE, p.lat(), p.lon(), cap, "");
    }

    /** 400 trips in an hour, all to the small garage's doorstep, staying an hour: it must overflow. */
    static List<Trip> trips(int n) {
        List<Trip> out = new ArrayList<>();
        Position dest = GRID.node(6, 6).offset(60, 1);
        for (int i = 0; i < n; i++) {
            Position origin = GRID.node(i % 2 == 0 ? 0 : 11, (i * 7) % 12);
            out.add(new Trip(i, T0.plusSeconds(i * 3600L / n), origin, dest, "near", Duration.ofMinutes(40 + i % 40),
                    List.of("near", "east"), (i * 0.618) % 1, (i * 0.382) % 1, i % 3));
        }
        return out;
    }

    static SimulationResult run(boolean guidance, double compliance, List<Trip> trips) {
        InMemorySystem system = new InMemorySystem(GARAGES);
        CachedTravelTimes travel = new CachedTravelTimes(GRID);
        SimulationPorts ports = new SimulationPorts(travel, new ReferenceGuidance(GARAGES, travel, system), system, system,
                SimulationPorts.Pacer.NONE);
        DriverParameters p = DriverParameters.defaults().withCompliance(compliance);
        return new Simulation(GARAGES, ports, p, guidance).run(trips, T0, T0.plus(Duration.ofHours(1)),
                Map.of("east", 30, "north", 30), Map.of("near", 20, "east", 20, "north", 20), 1, x -> { });
    }

    @Test
    void everyTripEndsOnceAndNoGarageEverHoldsMoreThanItsCapacity() {
        SimulationResult r = run(false, 0, trips(400));
        assertThat(r.outcomes()).hasSize(400).extracting(TripOutcome::tripId).doesNotHaveDuplicates();
        assertThat(r.samples()).allMatch(s -> s.occupied() >= 0 && s.occupied() <= s.capacity());
        assertThat(r.samples()).hasSize(12 * 3);
        assertThat(r.readings()).isGreaterThan(400);
    }

    @Test
    void withoutGuidanceDriversFindTheSmallGarageFullQueueAndDriveOnOverTheNetwork() {
        SimulationResult r = run(false, 0, trips(400));
        assertThat(r.arrivalsAtFull().get("near")).isGreaterThan(100);
        List<TripOutcome> searchers = r.outcomes().stream().filter(TripOutcome::searched).toList();
        assertThat(searchers).hasSizeGreaterThan(100);
        assertThat(searchers).allMatch(o -> o.searchSeconds() > 0);
        // the closed street makes the drive from "near" to "north" longer than the straight line
        assertThat(r.outcomes().stream().filter(o -> "north".equals(o.parkedAt())).mapToDouble(TripOutcome::searchMeters).max().orElse(0))
                .isGreaterThanOrEqualTo(600);
        assertThat(r.outcomes()).filteredOn(o -> o.queueSeconds() > 0).isNotEmpty();
    }

    @Test
    void fullComplianceWithGuidanceCutsSearchAndArrivalsAtFullGarages() {
        SimulationResult off = run(false, 0, trips(400));
        SimulationResult on = run(true, 1.0, trips(400));
        double searchOff = off.outcomes().stream().mapToDouble(TripOutcome::searchSeconds).sum();
        double searchOn = on.outcomes().stream().mapToDouble(TripOutcome::searchSeconds).sum();
        assertThat(searchOn).isLessThan(searchOff * 0.5);
        assertThat(on.arrivalsAtFull().values().stream().mapToLong(Long::longValue).sum())
                .isLessThan(off.arrivalsAtFull().values().stream().mapToLong(Long::longValue).sum() / 2);
        assertThat(on.guidanceCalls()).isGreaterThanOrEqualTo(400);
        assertThat(on.outcomes()).allMatch(o -> o.behaviour().equals("guided"));
    }

    @Test
    void sameTripsAndSeedGiveTheSameOutcomes() {
        assertThat(run(true, 0.5, trips(300)).outcomes()).isEqualTo(run(true, 0.5, trips(300)).outcomes());
    }

    @Test
    void complianceSharesAreNested() {
        SimulationResult p30 = run(true, 0.3, trips(300));
        SimulationResult p80 = run(true, 0.8, trips(300));
        Map<Integer, String> b30 = new HashMap<>();
        p30.outcomes().forEach(o -> b30.put(o.tripId(), o.behaviour()));
        assertThat(p80.outcomes()).filteredOn(o -> "guided".equals(b30.get(o.tripId())))
                .allMatch(o -> o.behaviour().equals("guided"));
        assertThat(p80.outcomes().stream().filter(o -> o.behaviour().equals("guided")).count())
                .isGreaterThan(p30.outcomes().stream().filter(o -> o.behaviour().equals("guided")).count());
    }
}
