package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SeriesCleanerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Tuesday 2024-06-04 06:00 local (CEST). */
    private static final Instant START = Instant.parse("2024-06-04T04:00:00Z");

    private final SeriesCleaner cleaner = new SeriesCleaner(CleaningRules.defaults());

    /** A series every 5 minutes from START with the given values (null = no reading). */
    private static OccupancySeries series(int capacity, Integer... values) {
        OccupancySeries.Builder b = OccupancySeries.builder("lot", capacity, BERLIN);
        for (int i = 0; i < values.length; i++) {
            b.add(START.plus(Duration.ofMinutes(5L * i)), values[i] == null ? Double.NaN : values[i]);
        }
        return b.build();
    }

    private static double at(OccupancySeries s, int i) {
        return s.freeAt(s.firstSlot() + i);
    }

    @Test
    void dropsValuesAboveCapacity() {
        SeriesCleaner.Result r = cleaner.clean(series(100, 50, 101, 49));
        assertThat(at(r.series(), 1)).isNaN();
        assertThat(r.report().aboveCapacity()).isEqualTo(1);
        assertThat(r.report().validAfter()).isEqualTo(2);
    }

    @Test
    void keepsZerosRightAfterNearFullAndDropsZerosOutOfNowhere() {
        OccupancySeries full = cleaner.clean(series(100, 8, 4, 0, 0, 2)).series();
        assertThat(at(full, 2)).isZero();
        assertThat(at(full, 3)).isZero();
        OccupancySeries unconnected = cleaner.clean(series(100, 60, 55, 0, 0, 57)).series();
        assertThat(at(unconnected, 2)).isNaN();
        assertThat(at(unconnected, 3)).isNaN();
        assertThat(at(unconnected, 4)).isEqualTo(57);
    }

    @Test
    void keepsAnExplicitFullCodeEvenWithoutNearFullBefore() {
        OccupancySeries.Builder b = OccupancySeries.builder("lot", 100, BERLIN);
        b.add(START, 60).addFull(START.plusSeconds(300));
        OccupancySeries clean = cleaner.clean(b.build()).series();
        assertThat(at(clean, 1)).isZero();
    }

    @Test
    void dropsAZeroRunLongerThanSixHours() {
        Integer[] v = new Integer[2 + 6 * 12 + 1];
        v[0] = 3;
        for (int i = 1; i < v.length; i++) {
            v[i] = 0;
        }
        SeriesCleaner.Result r = cleaner.clean(series(100, v));
        assertThat(r.report().unconnectedZeros()).isEqualTo(v.length - 1);
        assertThat(at(r.series(), 0)).isEqualTo(3);
    }

    @Test
    void dropsAFrozenDaytimeRunButKeepsShortPlateausAndFullPeriods() {
        Integer[] v = new Integer[60];
        for (int i = 0; i < v.length; i++) {
            // 06:00-07:55 changing, then from 08:00 (index 24) frozen at 77 for 3 hours
            v[i] = i < 24 ? 100 + i : 77;
        }
        SeriesCleaner.Result r = cleaner.clean(series(300, v));
        assertThat(at(r.series(), 23)).isEqualTo(123);
        assertThat(at(r.series(), 24)).isNaN();
        assertThat(r.report().frozen()).isEqualTo(36);

        Integer[] plateau = new Integer[40];
        for (int i = 0; i < plateau.length; i++) {
            plateau[i] = i >= 24 && i < 34 ? 77 : 100 + i; // 50 minutes at 77 in daytime
        }
        assertThat(cleaner.clean(series(300, plateau)).report().frozen()).isZero();
    }

    @Test
    void keepsAFrozenRunAtNight() {
        Integer[] v = new Integer[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = 50;
        }
        OccupancySeries.Builder b = OccupancySeries.builder("lot", 100, BERLIN);
        Instant night = Instant.parse("2024-06-04T21:00:00Z"); // 23:00 local
        for (int i = 0; i < v.length; i++) {
            b.add(night.plus(Duration.ofMinutes(15L * i)), v[i]);
        }
        assertThat(cleaner.clean(b.build()).report().frozen()).isZero();
    }
}
