package de.parkleit.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.profile.ArrivalDepartureProcess;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayFleetTest {

    static final City CITY = TestCity.heidelberg();
    static final OccupancyModel MODEL = new OccupancyModel(OccupancyShapes.bundled(), CITY.facilities(), ZoneId.of("Europe/Berlin"), 1);
    static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

    @Test
    void barrierCountsAddUpToTheOccupancyChangeWithSequenceNumbers() {
        Facility f = CITY.facilities().get(4);
        GatewayFleet fleet = new GatewayFleet(CITY.facilities(), GatewayKind.COUNTS, PayloadFormat.NATIVE, 1, new FaultInjector(FaultRates.NONE, 1, 1));
        ArrivalDepartureProcess p = new ArrivalDepartureProcess(MODEL, f.id(), T0, Duration.ofMinutes(90), 1);
        int start = p.occupied();
        int net = 0;
        long lastSeq = 0;
        for (int i = 1; i <= 240; i++) {
            Instant t = T0.plusSeconds(30L * i);
            for (GatewayFleet.Sent s : fleet.report(f.id(), t, p.advanceTo(t))) {
                CountsReading c = (CountsReading) s.reading();
                net += c.entered() - c.exited();
                assertThat(c.seq()).isEqualTo(lastSeq + 1);
                lastSeq = c.seq();
            }
        }
        assertThat(start + net).isEqualTo(p.occupied());
        assertThat(net).isPositive();
    }

    @Test
    void driftingCountersMissVehicles() {
        Facility f = CITY.facilities().get(4);
        FaultInjector faults = new FaultInjector(new FaultRates(0, 0, 0, 0, 0, 0.2), 1, 1);
        GatewayFleet fleet = new GatewayFleet(CITY.facilities(), GatewayKind.COUNTS, PayloadFormat.NATIVE, 1, faults);
        ArrivalDepartureProcess p = new ArrivalDepartureProcess(MODEL, f.id(), T0, Duration.ofMinutes(90), 1);
        int counted = 0;
        int real = 0;
        for (int i = 1; i <= 240; i++) {
            Instant t = T0.plusSeconds(30L * i);
            ArrivalDepartureProcess.Step step = p.advanceTo(t);
            real += step.entered();
            counted += fleet.report(f.id(), t, step).stream().mapToInt(s -> ((CountsReading) s.reading()).entered()).sum();
        }
        assertThat(counted).isLessThan(real);
        assertThat((double) counted / real).isBetween(0.7, 0.9);
        assertThat(faults.counts().get("missed-vehicle")).isGreaterThanOrEqualTo((long) (real - counted));
    }

    @Test
    void spaceSensorsReportEachChangedSpaceAndAddUpToTheOccupancy() {
        Facility f = CITY.facilities().stream().filter(x -> x.capacity() < 200 && x.capacity() > 50).findFirst().orElseThrow();
        GatewayFleet fleet = new GatewayFleet(CITY.facilities(), GatewayKind.SPACES, PayloadFormat.NATIVE, 1, new FaultInjector(FaultRates.NONE, 1, 1));
        ArrivalDepartureProcess p = new ArrivalDepartureProcess(MODEL, f.id(), T0, Duration.ofMinutes(90), 1);
        Map<String, Boolean> spaces = new HashMap<>();
        for (int i = 0; i <= 120; i++) {
            Instant t = T0.plusSeconds(60L * i);
            for (GatewayFleet.Sent s : fleet.report(f.id(), t, p.advanceTo(t))) {
                SpaceReading r = (SpaceReading) s.reading();
                assertThat(s.gateway()).isEqualTo(f.id() + "-" + r.spaceId());
                spaces.put(r.spaceId(), r.occupied());
            }
            assertThat(spaces.values().stream().filter(b -> b).count()).isEqualTo(p.occupied());
        }
    }

    @Test
    void aMixedFleetHasSeveralKindsAndFormatsFixedById() {
        GatewayFleet a = new GatewayFleet(CITY.facilities(), null, null, 1, new FaultInjector(FaultRates.NONE, 1, 1));
        GatewayFleet b = new GatewayFleet(CITY.facilities(), null, null, 2, new FaultInjector(FaultRates.NONE, 1, 1));
        List<String> ids = CITY.facilities().stream().map(Facility::id).toList();
        assertThat(ids.stream().map(a::kind).distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(ids.stream().map(a::format).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(ids).allMatch(id -> a.kind(id) == b.kind(id) && a.format(id) == b.format(id));
    }
}
