package de.parkleit.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    @Test
    void widensTheRangeToWholeBuckets() {
        HistoryWindow w = new HistoryWindow(Instant.parse("2026-11-26T12:03:10Z"), Instant.parse("2026-11-26T12:55:00.000001Z"),
                Duration.ofMinutes(15));
        assertThat(w.from()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(w.buckets()).isEqualTo(4);
        assertThat(w.fromAggregates()).isTrue();
        assertThat(new HistoryWindow(w.from(), w.to(), Duration.ofMinutes(2)).fromAggregates()).isFalse();
    }

    @Test
    void parsesOnlyTheListedSteps() {
        assertThat(HistoryWindow.stepNames()).containsExactly("1m", "2m", "5m", "10m", "15m", "30m", "1h", "2h", "3h", "6h", "12h", "1d");
        assertThat(HistoryWindow.parseStep("1h")).isEqualTo(Duration.ofHours(1));
        for (String bad : List.of("60m", "1s", "7m", "PT5M", "", "5m;DROP")) {
            assertThatThrownBy(() -> HistoryWindow.parseStep(bad)).hasMessageContaining("step must be one of");
        }
    }

    @Test
    void foldsBucketsIntoLocalWeekdaySlotsAcrossDaylightSavingTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Saturday 2026-03-28 08:00 UTC = 09:00 CET; Saturday 2026-04-04 07:00 UTC = 09:00 CEST
        List<OccupancyBucket> buckets = List.of(
                new OccupancyBucket(Instant.parse("2026-03-28T08:00:00Z"), 10, 5, 20, 4),
                new OccupancyBucket(Instant.parse("2026-04-04T07:00:00Z"), 40, 30, 50, 1),
                new OccupancyBucket(Instant.parse("2026-04-04T07:30:00Z"), 99, 99, 99, 0));
        List<ProfileCell> cells = OccupancyProfile.fold(buckets, Duration.ofHours(1), berlin);
        assertThat(cells).containsExactly(new ProfileCell(DayOfWeek.SATURDAY, LocalTime.of(9, 0), 16.0, 5, 50, 5));
    }

    @Test
    void limitsProfilesToFiftyTwoWeeksAndThreeSlotSizes() {
        Instant until = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(OccupancyProfile.window(until, 52, Duration.ofMinutes(15)).buckets()).isEqualTo(52 * 7 * 96);
        assertThatThrownBy(() -> OccupancyProfile.window(until, 0, Duration.ofHours(1))).hasMessageContaining("weeks");
        assertThatThrownBy(() -> OccupancyProfile.window(until, 4, Duration.ofHours(2))).hasMessageContaining("slot");
    }
}
