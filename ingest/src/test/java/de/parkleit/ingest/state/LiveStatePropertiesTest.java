package de.parkleit.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.state.FacilityState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** Ordering, de-duplication and integration rules of the live state, for any input. */
class LiveStatePropertiesTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    static final int CAPACITY = 100;

    private static LiveState live() {
        return new LiveState(Map.of("P1", CAPACITY), StateRules.defaults(Duration.ofDays(1), ZoneOffset.UTC));
    }

    @Property
    void theNewestReadingWinsWhateverTheArrivalOrder(
            @ForAll @Size(min = 1, max = 40) @UniqueElements List<@IntRange(min = 0, max = 3600) Integer> offsets,
            @ForAll long seed) {
        List<OccupancyReading> readings = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            readings.add(new OccupancyReading("P1", T0.plusSeconds(offsets.get(i)), (i * 37) % (CAPACITY + 20) - 10, null, null));
        }
        OccupancyReading newest = Collections.max(readings, (a, b) -> a.ts().compareTo(b.ts()));
        Collections.shuffle(readings, new Random(seed));
        LiveState live = live();
        readings.forEach(live::apply);
        FacilityState s = live.current("P1").orElseThrow();
        assertThat(s.updatedAt()).isEqualTo(newest.ts());
        assertThat(s.free()).isEqualTo(Math.max(0, Math.min(CAPACITY, newest.free())));
    }

    @Property
    void replayingReadingsChangesNothing(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 600) Integer> offsets,
                                         @ForAll @IntRange(min = 0, max = 2) int kind) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            Instant ts = T0.plusSeconds(offsets.get(i));
            readings.add(switch (kind) {
                case 0 -> new OccupancyReading("P1", ts, i % CAPACITY, null, null);
                case 1 -> new CountsReading("P1", ts, i % 3, i % 2, i);
                default -> new SpaceReading("P1", "S" + (i % 7), ts, i % 2 == 0);
            });
        }
        LiveState live = live();
        readings.forEach(live::apply);
        FacilityState once = live.current("P1").orElseThrow();
        readings.forEach(r -> assertThat(live.apply(r)).isEmpty());
        assertThat(live.current("P1").orElseThrow()).isEqualTo(once);
    }

    @Property
    void countersIntegrateTheirDeltasFromTheLastAbsoluteReading(
            @ForAll @IntRange(min = 0, max = CAPACITY) int anchor,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> entered,
            @ForAll long seed) {
        LiveState live = live();
        live.apply(new OccupancyReading("P1", T0, anchor, null, null));
        Random r = new Random(seed);
        int expected = anchor;
        boolean drift = false;
        for (int i = 0; i < entered.size(); i++) {
            int exited = r.nextInt(6);
            live.apply(new CountsReading("P1", T0.plusSeconds(i + 1), entered.get(i), exited, i + 1));
            int raw = expected - entered.get(i) + exited;
            drift |= raw < 0 || raw > CAPACITY;
            expected = Math.max(0, Math.min(CAPACITY, raw));
        }
        FacilityState s = live.current("P1").orElseThrow();
        assertThat(s.free()).isEqualTo(expected);
        assertThat(s.flags().contains(de.parkleit.core.state.QualityFlag.COUNTER_DRIFT)).isEqualTo(drift);
    }

    @Property
    void spacesAggregateToCapacityMinusOccupiedWhateverTheOrder(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 30) Integer> spaces, @ForAll long seed) {
        Random r = new Random(seed);
        List<SpaceReading> readings = new ArrayList<>();
        Map<String, SpaceReading> latest = new HashMap<>();
        for (int i = 0; i < spaces.size(); i++) {
            SpaceReading s = new SpaceReading("P1", "S" + spaces.get(i), T0.plusSeconds(i), r.nextBoolean());
            readings.add(s);
            latest.put(s.spaceId(), s);
        }
        Collections.shuffle(readings, r);
        LiveState live = live();
        readings.forEach(live::apply);
        long occupied = latest.values().stream().filter(SpaceReading::occupied).count();
        assertThat(live.current("P1").orElseThrow().free()).isEqualTo((int) (CAPACITY - occupied));
    }

    @Property(tries = 50)
    void nightsThatDoReturnAreNotFlagged(@ForAll @IntRange(min = 0, max = 1) int lossPerDay) {
        assertThat(nightsFlagDrift(lossPerDay)).isFalse();
    }

    @Property(tries = 50)
    void nightsThatDoNotReturnFlagCounterDrift(@ForAll @IntRange(min = 5, max = 20) int lossPerDay) {
        assertThat(nightsFlagDrift(lossPerDay)).isTrue();
    }

    /** Eight days of a garage that fills by day and empties by night, whose counter misses {@code lossPerDay} exits a day. */
    private static boolean nightsFlagDrift(int lossPerDay) {
        LiveState live = live();
        Instant day0 = Instant.parse("2026-11-01T00:00:00Z");
        live.apply(new OccupancyReading("P1", day0.plusSeconds(3 * 3600), CAPACITY, null, null));
        long seq = 0;
        boolean flagged = false;
        for (int d = 0; d < 8 && !flagged; d++) {
            Instant day = day0.plus(Duration.ofDays(d));
            // daytime: 40 in, (40 - lossPerDay) out; the counter misses some exits
            live.apply(new CountsReading("P1", day.plusSeconds(10 * 3600), 40, 0, ++seq));
            live.apply(new CountsReading("P1", day.plusSeconds(20 * 3600), 0, 40 - lossPerDay, ++seq));
            live.apply(new CountsReading("P1", day.plus(Duration.ofDays(1)).plusSeconds(3 * 3600), 0, 0, ++seq));
            flagged = live.expire(day.plus(Duration.ofDays(1)).plusSeconds(6 * 3600)).stream()
                    .anyMatch(s -> s.flags().contains(de.parkleit.core.state.QualityFlag.COUNTER_DRIFT));
        }
        return flagged || live.current("P1").orElseThrow().flags().contains(de.parkleit.core.state.QualityFlag.COUNTER_DRIFT);
    }
}
