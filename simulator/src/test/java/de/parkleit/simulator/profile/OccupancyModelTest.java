package de.parkleit.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.simulator.TestCity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

class OccupancyModelTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OccupancyShapes SHAPES = OccupancyShapes.bundled();
    static final City CITY = TestCity.heidelberg();
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

    static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(BERLIN).toInstant();
    }

    @Test
    void centralGaragesAreFullerOnSaturdayNoonThanOnSundayNoonOrWeekdayNoon() {
        LocalDate tuesday = SATURDAY.with(TemporalAdjusters.previous(DayOfWeek.TUESDAY));
        var sat = SHAPES.share(ShapeKind.CENTRAL, SATURDAY.atTime(13, 0));
        assertThat(sat).isGreaterThan(0.85);
        assertThat(SHAPES.share(ShapeKind.CENTRAL, SATURDAY.plusDays(1).atTime(13, 0))).isLessThan(sat - 0.4);
        assertThat(SHAPES.share(ShapeKind.CENTRAL, tuesday.atTime(13, 0))).isLessThan(sat);
    }

    @Test
    void cinemaGaragePeaksInTheEvening() {
        LocalDate friday = SATURDAY.minusDays(1);
        assertThat(SHAPES.share(ShapeKind.CINEMA, friday.atTime(20, 30)))
                .isGreaterThan(SHAPES.share(ShapeKind.CINEMA, friday.atTime(11, 0)) + 0.15);
    }

    @Test
    void everyFacilityIsEmptierAtNightThanAtItsDaytimePeakAndTheCityFullerOnSaturdayThanSunday() {
        OccupancyModel model = new OccupancyModel(SHAPES, CITY.facilities(), BERLIN, 1);
        LocalDate wednesday = SATURDAY.minusDays(3);
        double satNoon = 0;
        double sunNoon = 0;
        for (Facility f : CITY.facilities()) {
            double night = model.expectedShare(f.id(), at(wednesday, 4, 0));
            double peak = 0;
            for (int h = 9; h <= 22; h++) {
                peak = Math.max(peak, model.expectedShare(f.id(), at(wednesday, h, 0)));
            }
            assertThat(night).as(f.id()).isLessThan(peak - 0.1);
            double noon = model.expectedShare(f.id(), at(SATURDAY, 12, 30));
            satNoon += noon;
            sunNoon += model.expectedShare(f.id(), at(SATURDAY.plusDays(1), 12, 30));
        }
        assertThat(satNoon).isGreaterThan(sunNoon * 1.5);
    }

    @Test
    void sameSeedGivesSameValuesAndAnotherSeedOthers() {
        OccupancyModel a = new OccupancyModel(SHAPES, CITY.facilities(), BERLIN, 7);
        OccupancyModel b = new OccupancyModel(SHAPES, CITY.facilities(), BERLIN, 7);
        OccupancyModel c = new OccupancyModel(SHAPES, CITY.facilities(), BERLIN, 8);
        int differ = 0;
        for (Facility f : CITY.facilities()) {
            for (int h = 0; h < 24; h += 3) {
                Instant t = at(SATURDAY, h, 10);
                assertThat(a.expectedShare(f.id(), t)).isEqualTo(b.expectedShare(f.id(), t)).isBetween(0.0, 1.0);
                differ += a.expectedShare(f.id(), t) != c.expectedShare(f.id(), t) ? 1 : 0;
            }
            assertThat(a.profile(f.id()).kind()).isEqualTo(c.profile(f.id()).kind());
        }
        assertThat(differ).isGreaterThan(100);
    }

    @Test
    void garagesAreSpreadOverSeveralShapes() {
        OccupancyModel model = new OccupancyModel(SHAPES, CITY.facilities(), BERLIN, 1);
        assertThat(model.profiles()).hasSize(20);
        assertThat(model.profiles().stream().map(FacilityProfile::kind).distinct().count()).isGreaterThanOrEqualTo(3);
    }
}
