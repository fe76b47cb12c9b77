package de.parkleit.simulator.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.profile.OccupancyModel;
import de.parkleit.simulator.profile.OccupancyShapes;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HistoryBackfillTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final City CITY = TestCity.heidelberg();
    static final OccupancyModel MODEL = new OccupancyModel(OccupancyShapes.bundled(), CITY.facilities(), BERLIN, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:03:17Z"), ZoneOffset.UTC);

    @Test
    void writesFiveMinuteHistoryForEveryFacilityOnBoundariesInBatches() {
        MemoryStore store = new MemoryStore();
        List<BackfillProgress> progress = new ArrayList<>();
        BackfillResult r = new HistoryBackfill(store, MODEL, 7, Duration.ofMinutes(90), CLOCK, 1, 1000).run(progress::add);

        assertThat(r.to()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(r.written()).isEqualTo(20);
        assertThat(r.readings()).isEqualTo(20L * 7 * 288);
        assertThat(store.writes.get()).isEqualTo(20 * 3);
        assertThat(progress).hasSize(20).last().extracting(BackfillProgress::fraction).isEqualTo(1.0);
        for (Facility f : CITY.facilities()) {
            var rows = store.rows.get(f.id());
            assertThat(rows).hasSize(7 * 288);
            assertThat(rows.keySet()).allMatch(t -> t.getEpochSecond() % 300 == 0);
            assertThat(rows.values()).allMatch(o -> o.free() >= 0 && o.free() <= f.capacity() && o.capacity() == f.capacity());
        }
    }

    @Test
    void historyShowsTheDailyShapeSaturdayNoonFullerThanTheNightBefore() {
        MemoryStore store = new MemoryStore();
        new HistoryBackfill(store, MODEL, 2, Duration.ofMinutes(90), CLOCK, 1, 5000).run(p -> { });
        int noonFree = 0;
        int nightFree = 0;
        for (Facility f : CITY.facilities()) {
            var rows = store.rows.get(f.id());
            noonFree += rows.get(Instant.parse("2026-11-28T11:30:00Z")).free();
            nightFree += rows.get(Instant.parse("2026-11-28T03:00:00Z")).free();
        }
        assertThat(noonFree).isLessThan(nightFree / 2);
    }

    @Test
    void secondRunSkipsFacilitiesThatAlreadyHaveHistoryAndSameSeedWritesSameValues() {
        MemoryStore store = new MemoryStore();
        new HistoryBackfill(store, MODEL, 3, Duration.ofMinutes(90), CLOCK, 1, 5000).run(p -> { });
        OccupancyReading sample = store.rows.get(CITY.facilities().get(3).id()).firstEntry().getValue();
        int writes = store.writes.get();

        BackfillResult again = new HistoryBackfill(store, MODEL, 3, Duration.ofMinutes(90), CLOCK, 1, 5000).run(p -> { });
        assertThat(again.skipped()).isEqualTo(20);
        assertThat(again.readings()).isZero();
        assertThat(store.writes.get()).isEqualTo(writes);

        MemoryStore other = new MemoryStore();
        new HistoryBackfill(other, MODEL, 3, Duration.ofMinutes(90), CLOCK, 1, 5000).run(p -> { });
        assertThat(other.rows.get(sample.facilityId()).firstEntry().getValue()).isEqualTo(sample);
    }

    @Test
    void runsOnAWorkerPoolOffTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            MemoryStore store = new MemoryStore();
            BackfillResult r = new HistoryBackfill(store, MODEL, 1, Duration.ofMinutes(90), CLOCK, 1, 5000)
                    .start(vertx).await(30, TimeUnit.SECONDS);
            assertThat(r.readings()).isEqualTo(20L * 288);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void zeroDaysWritesNothing() {
        MemoryStore store = new MemoryStore();
        BackfillResult r = new HistoryBackfill(store, MODEL, 0, Duration.ofMinutes(90), CLOCK, 1, 5000).run(p -> { });
        assertThat(r.readings()).isZero();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void writesFiveMinuteTrafficForEveryDetectorWithTheWeekdayRushAndSkipsItNextTime() {
        MemoryStore store = new MemoryStore();
        List<String> detectors = List.of("hd-d01-speyerer", "hd-d06-rohrbacher");
        de.parkleit.simulator.profile.TrafficModel traffic = new de.parkleit.simulator.profile.TrafficModel(
                de.parkleit.simulator.profile.TrafficShapes.bundled(), BERLIN, 1);
        BackfillResult r = new HistoryBackfill(store, MODEL, 3, Duration.ofMinutes(90), CLOCK, 1, 1000, detectors, traffic)
                .run(p -> { });
        assertThat(r.written()).isEqualTo(20 + 2);
        for (String d : detectors) {
            var rows = store.traffic.get(d);
            assertThat(rows).hasSize(3 * 288);
            assertThat(rows.lastKey()).isEqualTo(r.to());
            assertThat(rows.values()).allMatch(t -> t.intervalS() == 300 && t.ts().getEpochSecond() % 300 == 0
                    && t.speedKmh() > 0 && t.occupancyPct() >= 0);
            // Thursday 26 Nov: the morning rush (07:30 local) carries far more than 03:00
            assertThat(rows.get(Instant.parse("2026-11-26T06:30:00Z")).count())
                    .isGreaterThan(4 * rows.get(Instant.parse("2026-11-26T02:00:00Z")).count());
        }
        BackfillResult again = new HistoryBackfill(store, MODEL, 3, Duration.ofMinutes(90), CLOCK, 1, 1000, detectors, traffic)
                .run(p -> { });
        assertThat(again.written()).isZero();
        assertThat(again.skipped()).isEqualTo(22);
    }
}
