package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveCleanerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MORNING = Instant.parse("2024-06-04T05:00:00Z"); // 07:00 local

    @Test
    void erasesAFrozenDaytimeRunBackToItsStartOnceItHasLastedAnHour() {
        SlotHistory h = new SlotHistory("lot", new SlotClock(BERLIN), 300, 2);
        LiveCleaner c = new LiveCleaner(CleaningRules.defaults());
        long s = SlotClock.slotOf(MORNING);
        for (int i = 0; i < 12; i++) {
            c.accept(h, s + i, 200 - i, false);
        }
        long runStart = s + 12; // 08:00
        for (int i = 0; i < 11; i++) {
            assertThat(c.accept(h, runStart + i, 150, false)).isEqualTo(150);
        }
        assertThat(c.accept(h, runStart + 11, 150, false)).isNaN();
        assertThat(h.freeAt(runStart)).isNaN();
        assertThat(h.freeAt(runStart - 1)).isEqualTo(189);
        assertThat(c.accept(h, runStart + 12, 150, false)).isNaN();
        assertThat(c.accept(h, runStart + 13, 149, false)).isEqualTo(149);
    }

    @Test
    void leavesWhatTheWholeSeriesCleanerLeavesOnAMessyFeed() {
        Random rnd = new Random(11);
        OccupancySeries.Builder b = OccupancySeries.builder("lot", 200, BERLIN);
        Instant start = Instant.parse("2024-06-03T00:00:00Z");
        double free = 150;
        for (int i = 0; i < 7 * 288; i++) {
            Instant t = start.plus(Duration.ofMinutes(5L * i));
            free = Math.max(0, Math.min(200, free + rnd.nextInt(9) - 4));
            int minuteOfWeek = i % 288;
            double v = free;
            if (i % 288 >= 130 && i % 288 < 150 && i / 288 == 2) {
                v = 77; // frozen late morning on Wednesday
            } else if (rnd.nextInt(200) == 0) {
                v = 0; // not connected
            } else if (rnd.nextInt(300) == 0) {
                v = 999; // glitch
            } else if (minuteOfWeek % 3 != 0 && minuteOfWeek < 72) {
                continue; // 15-minute readings at night
            }
            b.add(t, v);
        }
        OccupancySeries raw = b.build();
        OccupancySeries clean = new SeriesCleaner(CleaningRules.defaults()).clean(raw).series();
        SlotHistory h = new SlotHistory("lot", raw.clock(), 200, 2);
        LiveCleaner live = new LiveCleaner(CleaningRules.defaults());
        for (long s = raw.firstSlot(); s <= raw.latestSlot(); s++) {
            double v = raw.freeAt(s);
            if (!Double.isNaN(v)) {
                live.accept(h, s, v, false);
            }
        }
        int same = 0;
        for (long s = raw.firstSlot(); s <= raw.latestSlot(); s++) {
            double a = clean.freeAt(s);
            double l = h.freeAt(s);
            if (Double.isNaN(a) == Double.isNaN(l) && (Double.isNaN(a) || a == l)) {
                same++;
            }
        }
        assertThat(same / (double) raw.length()).isGreaterThan(0.99);
        assertThat(h.freeAt(SlotClock.slotOf(start.plus(Duration.ofMinutes(5L * (2 * 288 + 140)))))).isNaN();
    }
}
