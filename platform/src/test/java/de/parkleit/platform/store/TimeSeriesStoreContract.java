package de.parkleit.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.TrafficReading;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TimeSeriesStore} adapter must show. Subclasses provide a running store;
 * tests use their own ids so they can share it. Timestamps are relative to now (within the raw
 * retention) and no test sleeps: a query must see every write acknowledged before it.
 */
public abstract class TimeSeriesStoreContract {

    /** Midnight UTC three days ago: inside raw retention, aligned to every step. */
    protected static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
    private static final Duration M1 = Duration.ofMinutes(1);
    private static final Duration M5 = Duration.ofMinutes(5);

    protected abstract TimeSeriesStore store();

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One occupancy reading per minute from T0 + offset, free = f(i). */
    private static List<Reading> perMinute(String facility, Duration offset, int n, IntUnaryOperator free) {
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new OccupancyReading(facility, T0.plus(offset).plus(M1.multipliedBy(i)), free.applyAsInt(i), 400, FacilityStatus.OPEN));
        }
        return out;
    }

    private List<OccupancyBucket> history(String facility, Instant from, Instant to, Duration step) {
        return store().occupancyHistory(List.of(facility), new HistoryWindow(from, to, step)).get(facility);
    }

    @Test
    void readsBackEveryMinuteAtRawResolution() {
        String p = id("P");
        store().write(perMinute(p, Duration.ZERO, 180, i -> i % 50));

        List<OccupancyBucket> b = history(p, T0, T0.plus(Duration.ofHours(3)), M1);
        assertThat(b).hasSize(180);
        assertThat(b.get(7)).isEqualTo(new OccupancyBucket(T0.plus(M1.multipliedBy(7)), 7.0, 7, 7, 1));
        assertThat(store().countOccupancy(p, T0, T0.plus(Duration.ofHours(3)))).isEqualTo(180);
    }

    @Test
    void aggregatesToFiveMinutesAndHoursExactly() {
        String p = id("P");
        store().write(perMinute(p, Duration.ZERO, 120, i -> i * 3 % 17));

        List<OccupancyBucket> five = history(p, T0, T0.plus(Duration.ofHours(2)), M5);
        assertThat(five).hasSize(24);
        for (int k = 0; k < 24; k++) {
            assertBucket(five.get(k), T0.plus(M5.multipliedBy(k)), k * 5, 5, i -> i * 3 % 17);
        }
        List<OccupancyBucket> hours = history(p, T0, T0.plus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(hours).hasSize(2);
        assertBucket(hours.get(1), T0.plus(Duration.ofHours(1)), 60, 60, i -> i * 3 % 17);
    }

    private static void assertBucket(OccupancyBucket b, Instant start, int first, int n, IntUnaryOperator f) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        double sum = 0;
        for (int i = first; i < first + n; i++) {
            int v = f.applyAsInt(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertThat(b.start()).isEqualTo(start);
        assertThat(b.meanFree()).isCloseTo(sum / n, within(1e-9));
        assertThat(b.minFree()).isEqualTo(min);
        assertThat(b.maxFree()).isEqualTo(max);
        assertThat(b.samples()).isEqualTo(n);
    }

    @Test
    void replayingBatchesKeepsOneRowPerTimestampWithTheLastValues() {
        String p = id("P");
        store().write(perMinute(p, Duration.ZERO, 60, i -> i));
        store().write(perMinute(p, Duration.ZERO, 60, i -> i));
        store().write(perMinute(p, Duration.ZERO, 60, i -> 1000 + i));

        assertThat(store().countOccupancy(p, T0, T0.plus(Duration.ofDays(1)))).isEqualTo(60);
        List<OccupancyBucket> hour = history(p, T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThat(hour).containsExactly(new OccupancyBucket(T0, 1029.5, 1000, 1059, 60));
        assertThat(history(p, T0, T0.plus(Duration.ofHours(1)), M1)).hasSize(60).allMatch(b -> b.samples() == 1);
    }

    @Test
    void outOfOrderAndLateWritesEndUpInTheirBuckets() {
        String p = id("P");
        List<Reading> later = perMinute(p, Duration.ofHours(1), 60, i -> 200 + i);
        List<Reading> earlier = new ArrayList<>(perMinute(p, Duration.ZERO, 60, i -> 100 + i));
        Collections.shuffle(earlier, new Random(7));
        store().write(later);
        store().write(earlier);
        history(p, T0, T0.plus(Duration.ofHours(2)), M5); // aggregates already computed once
        store().write(List.of(new OccupancyReading(p, T0.plusSeconds(30), 5, null, null)));

        List<OccupancyBucket> hours = history(p, T0, T0.plus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(hours).hasSize(2);
        assertThat(hours.get(0)).isEqualTo(new OccupancyBucket(T0, (100 * 60 + 1770 + 5) / 61.0, 5, 159, 61));
        assertThat(hours.get(1)).isEqualTo(new OccupancyBucket(T0.plus(Duration.ofHours(1)), 229.5, 200, 259, 60));
        assertThat(history(p, T0, T0.plus(Duration.ofMinutes(2)), M1).get(0).samples()).isEqualTo(2);
    }

    @Test
    void bucketsIncludeTheirStartAndExcludeTheirEnd() {
        String p = id("P");
        Instant edge = T0.plus(M5);
        store().write(List.of(
                new OccupancyReading(p, T0, 10, null, null),
                new OccupancyReading(p, edge.minusNanos(1_000), 20, null, null),
                new OccupancyReading(p, edge, 30, null, null),
                new OccupancyReading(p, edge.plus(M5).minusNanos(1_000), 40, null, null)));

        assertThat(history(p, T0, edge, M5)).containsExactly(new OccupancyBucket(T0, 15, 10, 20, 2));
        assertThat(history(p, T0, edge.plusNanos(1_000), M5)).containsExactly(
                new OccupancyBucket(T0, 15, 10, 20, 2), new OccupancyBucket(edge, 35, 30, 40, 2));
        assertThat(history(p, T0.plusSeconds(1), edge, M5))
                .as("from is floored to the step").containsExactly(new OccupancyBucket(T0, 15, 10, 20, 2));
        assertThat(history(p, edge, edge.plus(M5), M1)).containsExactly(
                new OccupancyBucket(edge, 30, 30, 30, 1), new OccupancyBucket(edge.plus(Duration.ofMinutes(4)), 40, 40, 40, 1));
        assertThat(store().countOccupancy(p, T0, edge)).isEqualTo(2);
    }

    @Test
    void answersSeveralFacilitiesInRequestOrderIncludingEmptyOnes() {
        String a = id("A");
        String b = id("B");
        String none = id("N");
        store().write(perMinute(a, Duration.ZERO, 30, i -> 1));
        store().write(perMinute(b, Duration.ZERO, 30, i -> 2));

        Map<String, List<OccupancyBucket>> h = store().occupancyHistory(List.of(b, none, a, b),
                new HistoryWindow(T0, T0.plus(Duration.ofHours(1)), Duration.ofMinutes(15)));
        assertThat(h.keySet()).containsExactly(b, none, a);
        assertThat(h.get(none)).isEmpty();
        assertThat(h.get(a)).extracting(OccupancyBucket::meanFree).containsExactly(1.0, 1.0);
        assertThat(h.get(b)).extracting(OccupancyBucket::samples).containsExactly(15L, 15L);
    }

    @Test
    void aggregatesTrafficPerDetectorIgnoringMissingSpeeds() {
        String d = id("D");
        String quiet = id("D");
        List<Reading> r = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant ts = T0.plus(M1.multipliedBy(i));
            r.add(new TrafficReading(d, ts, 60, 10 + i, i < 5 ? 30.0 + i : null, 12.0));
            r.add(new TrafficReading(quiet, ts, 60, 0, null, null));
        }
        store().write(r);

        for (Duration step : List.of(M1, M5)) {
            Map<String, List<TrafficBucket>> h = store().trafficHistory(List.of(d, quiet), new HistoryWindow(T0, T0.plus(Duration.ofMinutes(10)), step));
            if (step.equals(M5)) {
                assertThat(h.get(d)).containsExactly(new TrafficBucket(T0, 60, 32.0, 12.0, 5), new TrafficBucket(T0.plus(M5), 85, null, 12.0, 5));
                assertThat(h.get(quiet)).containsExactly(new TrafficBucket(T0, 0, null, null, 5), new TrafficBucket(T0.plus(M5), 0, null, null, 5));
            } else {
                assertThat(h.get(d)).hasSize(10).first().isEqualTo(new TrafficBucket(T0, 10, 30.0, 12.0, 1));
            }
        }
    }

    @Test
    void foldsAWeekdayTimeOfDayProfileInLocalTime() {
        String p = id("P");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant until = T0.plus(Duration.ofDays(1));
        List<Reading> r = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            Instant day = T0.minus(Duration.ofDays(7L * week)).plus(Duration.ofHours(9)); // 09:xx UTC
            for (int m = 0; m < 30; m++) {
                r.add(new OccupancyReading(p, day.plus(M1.multipliedBy(m)), week == 0 ? 100 : 50, null, null));
            }
        }
        store().write(r);

        List<ProfileCell> cells = store().occupancyProfile(p, until, 2, Duration.ofHours(1), berlin);
        DayOfWeek wd = T0.plus(Duration.ofHours(9)).atZone(berlin).getDayOfWeek();
        LocalTime slot = T0.plus(Duration.ofHours(9)).atZone(berlin).toLocalTime().truncatedTo(ChronoUnit.HOURS);
        assertThat(cells).containsExactly(new ProfileCell(wd, slot, 75.0, 50, 100, 60));
    }

    @Test
    void countsGuidanceAndSignChangesPerHourOnceEachEvenWhenReplayed() {
        String f = id("F");
        String s = id("S");
        List<StoreEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new GuidanceIssued(T0.plus(Duration.ofMinutes(10L * i)), "req-" + i, f, 0.8));
            events.add(new SignDisplay(T0.plus(Duration.ofMinutes(10L * i)), s, "P1 " + i + " frei\n\"←\""));
        }
        events.add(new GuidanceIssued(T0.plus(Duration.ofMinutes(70)), "req-x", f, 0.5));
        store().writeEvents(events);
        store().writeEvents(events);

        Instant to = T0.plus(Duration.ofHours(3));
        assertThat(store().guidanceIssuedPerHour(T0, to)).filteredOn(c -> c.id().equals(f))
                .containsExactly(new HourlyCount(T0, f, 5), new HourlyCount(T0.plus(Duration.ofHours(1)), f, 1));
        assertThat(store().signChangesPerHour(T0, to)).filteredOn(c -> c.id().equals(s))
                .containsExactly(new HourlyCount(T0, s, 5));
    }

    /** Ids an attacker might send; none is a valid id, so every query refuses them before building SQL/Flux. */
    protected static final List<String> HOSTILE_IDS = List.of(
            "x' OR '1'='1", "x\" or r._value > 0 or \"", "a') ; DROP TABLE parking_occupancy; --", "${secret}",
            "a\\", "a b", "", "ä", "x".repeat(65), "P1\n|> drop()", "P1' UNION SELECT * FROM wal_tables() --");

    @Test
    void refusesHostileIdsInEveryQueryAndStaysIntact() {
        String p = id("P");
        store().write(perMinute(p, Duration.ZERO, 10, i -> 7));
        HistoryWindow w = new HistoryWindow(T0, T0.plus(Duration.ofHours(1)), M5);
        for (String bad : HOSTILE_IDS) {
            assertThatThrownBy(() -> store().occupancyHistory(bad, T0, T0.plusSeconds(600), M5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().occupancyHistory(List.of(p, bad), w)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().trafficHistory(List.of(bad), w)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().countOccupancy(bad, T0, T0.plusSeconds(600))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().occupancyProfile(bad, T0, 1, Duration.ofHours(1), ZoneId.of("UTC")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store().countOccupancy(p, T0, T0.plus(Duration.ofHours(1)))).isEqualTo(10);
    }

    @Test
    void refusesRangesStepsAndSizesBeyondTheCaps() {
        String p = id("P");
        assertThatThrownBy(() -> new HistoryWindow(T0, T0.plus(Duration.ofDays(800)), Duration.ofDays(1))).hasMessageContaining("range");
        assertThatThrownBy(() -> new HistoryWindow(T0, T0.plus(Duration.ofDays(60)), M1)).hasMessageContaining("buckets");
        assertThatThrownBy(() -> new HistoryWindow(T0, T0, M5)).hasMessageContaining("before");
        assertThatThrownBy(() -> new HistoryWindow(T0, T0.plusSeconds(60), Duration.ofSeconds(7))).hasMessageContaining("step");
        assertThatThrownBy(() -> store().occupancyHistory(p, T0, T0.plusSeconds(3600), Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("P" + i);
        }
        HistoryWindow day = new HistoryWindow(T0, T0.plus(Duration.ofDays(1)), M5);
        assertThatThrownBy(() -> store().occupancyHistory(many, day)).hasMessageContaining("at most 100");
        HistoryWindow month = new HistoryWindow(T0, T0.plus(Duration.ofDays(34)), M1);
        assertThatThrownBy(() -> store().occupancyHistory(many.subList(0, 20), month)).hasMessageContaining("points");
        assertThatThrownBy(() -> store().guidanceIssuedPerHour(T0, T0.plus(Duration.ofDays(400)))).hasMessageContaining("366");
        assertThatThrownBy(() -> store().occupancyProfile(p, T0, 53, Duration.ofHours(1), ZoneId.of("UTC"))).hasMessageContaining("weeks");
        assertThatThrownBy(() -> store().occupancyProfile(p, T0, 4, Duration.ofMinutes(5), ZoneId.of("UTC"))).hasMessageContaining("slot");
    }

    @Test
    void reportsHealthAndAName() {
        assertThat(store().isHealthy()).isTrue();
        assertThat(store().name()).isNotBlank();
    }
}
