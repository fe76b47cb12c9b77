package de.parkleit.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.simulator.TestCity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArrivalDepartureProcessTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final City CITY = TestCity.heidelberg();
    static final OccupancyModel MODEL = new OccupancyModel(OccupancyShapes.bundled(), CITY.facilities(), BERLIN, 3);
    static final Instant SAT_MIDNIGHT = LocalDate.of(2026, 11, 28).atStartOfDay(BERLIN).toInstant();

    @Test
    void countsMoveBySmallStepsAndFollowTheModelOverADay() {
        for (Facility f : CITY.facilities()) {
            ArrivalDepartureProcess p = new ArrivalDepartureProcess(MODEL, f.id(), SAT_MIDNIGHT, Duration.ofMinutes(90), 1);
            double absError = 0;
            int steps = 0;
            int maxJump = 0;
            for (Instant t = SAT_MIDNIGHT.plusSeconds(15); t.isBefore(SAT_MIDNIGHT.plus(Duration.ofDays(1))); t = t.plusSeconds(15)) {
                int before = p.occupied();
                p.advanceTo(t);
                maxJump = Math.max(maxJump, Math.abs(p.occupied() - before));
                assertThat(p.occupied()).isBetween(0, f.capacity());
                absError += Math.abs(p.occupied() - MODEL.expectedOccupied(f.id(), t));
                steps++;
            }
            assertThat(absError / steps).as("mean deviation of %s", f.id()).isLessThanOrEqualTo(Math.max(2.0, f.capacity() * 0.08));
            assertThat(maxJump).as("largest 15 s step of %s (capacity %d)", f.id(), f.capacity())
                    .isLessThanOrEqualTo(Math.max(4, f.capacity() / 25));
        }
    }

    @Test
    void isDeterministicForASeed() {
        String id = CITY.facilities().get(5).id();
        ArrivalDepartureProcess a = new ArrivalDepartureProcess(MODEL, id, SAT_MIDNIGHT, Duration.ofMinutes(90), 11);
        ArrivalDepartureProcess b = new ArrivalDepartureProcess(MODEL, id, SAT_MIDNIGHT, Duration.ofMinutes(90), 11);
        ArrivalDepartureProcess c = new ArrivalDepartureProcess(MODEL, id, SAT_MIDNIGHT, Duration.ofMinutes(90), 12);
        boolean differs = false;
        for (int i = 1; i <= 2000; i++) {
            Instant t = SAT_MIDNIGHT.plusSeconds(30L * i);
            assertThat(a.advanceTo(t)).isEqualTo(b.advanceTo(t));
            c.advanceTo(t);
            differs |= a.occupied() != c.occupied();
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aOneSpaceGarageStaysBetweenEmptyAndFull() {
        Facility tiny = CITY.facilities().stream().filter(f -> f.capacity() == 1).findFirst().orElseThrow();
        ArrivalDepartureProcess p = new ArrivalDepartureProcess(MODEL, tiny.id(), SAT_MIDNIGHT, Duration.ofMinutes(90), 1);
        for (int m = 1; m <= 24 * 60; m++) {
            p.advanceTo(SAT_MIDNIGHT.plusSeconds(60L * m));
            assertThat(p.free()).isBetween(0, 1);
        }
    }

    @Test
    void turnsArrivalsAwayWhenFull() {
        double[] full = new double[OccupancyShapes.SLOTS_PER_WEEK];
        java.util.Arrays.fill(full, 1.0);
        java.util.Map<ShapeKind, double[]> weeks = new java.util.EnumMap<>(ShapeKind.class);
        for (ShapeKind k : ShapeKind.values()) {
            weeks.put(k, full);
        }
        Facility f = CITY.facilities().get(0);
        OccupancyModel model = new OccupancyModel(new OccupancyShapes(weeks), java.util.List.of(f), BERLIN, 3);
        ArrivalDepartureProcess p = new ArrivalDepartureProcess(model, f.id(), SAT_MIDNIGHT, Duration.ofMinutes(90), 1);
        for (int m = 1; m <= 600; m++) {
            p.advanceTo(SAT_MIDNIGHT.plusSeconds(60L * m));
            assertThat(p.occupied()).isLessThanOrEqualTo(f.capacity());
        }
        assertThat(p.turnedAway()).isPositive();
    }
}
