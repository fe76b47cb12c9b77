package de.parkleit.simulator.driver;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TripGeneratorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final City CITY = TestCity.heidelberg();
    static final OccupancyModel MODEL = new OccupancyModel(OccupancyShapes.bundled(), CITY.facilities(), BERLIN, 1);
    static final List<Position> ENTRIES = EntryPoints.around(CITY.facilities(), new CrowFlyTravelTimes());
    static final Instant SAT = LocalDate.of(2026, 11, 28).atStartOfDay(BERLIN).toInstant();

    TripGenerator generator() {
        return new TripGenerator(MODEL, CITY.facilities(), ENTRIES, DriverParameters.defaults());
    }

    List<Trip> generate(Instant from, Instant to, double scale, long seed) {
        TripGenerator g = generator();
        Instant day = from.atZone(BERLIN).toLocalDate().atStartOfDay(BERLIN).toInstant();
        return g.generate(from, to, scale, seed, g.longStay(day, day.plusSeconds(86_400)));
    }

    @Test
    void aSaturdayHasOver20000TripsMostlyInDaytimeAndMoreThanASunday() {
        List<Trip> sat = generate(SAT, SAT.plusSeconds(86_400), 1.0, 1);
        List<Trip> sun = generate(SAT.plusSeconds(86_400), SAT.plusSeconds(2 * 86_400), 1.0, 1);
        assertThat(sat.size()).isGreaterThan(12_000).isGreaterThan(sun.size() * 3 / 2);
        long night = sat.stream().filter(t -> t.departAt().atZone(BERLIN).getHour() < 6).count();
        long midday = sat.stream().filter(t -> t.departAt().atZone(BERLIN).getHour() >= 10
                && t.departAt().atZone(BERLIN).getHour() < 16).count();
        assertThat(midday).isGreaterThan(night * 10);
        assertThat(sat).isSortedAccordingTo(java.util.Comparator.comparing(Trip::departAt));
    }

    @Test
    void tripsAreDeterministicForASeedAndKnowTheirNearestFacility() {
        Instant from = SAT.plusSeconds(11 * 3600);
        List<Trip> a = generate(from, from.plusSeconds(3600), 1.15, 4);
        assertThat(a).isEqualTo(generate(from, from.plusSeconds(3600), 1.15, 4));
        assertThat(a).isNotEqualTo(generate(from, from.plusSeconds(3600), 1.15, 5));
        for (Trip t : a) {
            assertThat(t.known()).isNotEmpty();
            assertThat(t.dwell().toMinutes()).isGreaterThanOrEqualTo(10);
            assertThat(t.destination().metersTo(position(t.demandFacility()))).isLessThanOrEqualTo(251);
        }
    }

    @Test
    void demandScaleScalesTheNumberOfTrips() {
        Instant from = SAT.plusSeconds(10 * 3600);
        int base = generate(from, from.plusSeconds(4 * 3600), 1.0, 1).size();
        int more = generate(from, from.plusSeconds(4 * 3600), 1.5, 1).size();
        assertThat((double) more / base).isBetween(1.4, 1.6);
    }

    static Position position(String id) {
        var f = CITY.facility(id).orElseThrow();
        return new Position(f.lat(), f.lon());
    }
}
