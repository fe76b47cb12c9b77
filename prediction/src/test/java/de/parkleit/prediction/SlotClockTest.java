package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlotClockTest {

    private final SlotClock clock = new SlotClock(ZoneId.of("Europe/Berlin"));

    private static long slot(String utc) {
        return SlotClock.slotOf(Instant.parse(utc));
    }

    @Test
    void readsWeekdayAndTimeOfDayInLocalTime() {
        long s = slot("2024-06-01T22:30:00Z"); // Sunday 00:30 CEST
        assertThat(clock.dayOfWeek(s)).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(clock.minuteOfDay(s)).isEqualTo(30);
        assertThat(clock.inLocalWindow(s, 0, 60)).isTrue();
    }

    @Test
    void findsTheSameLocalTimeWeeksEarlierAcrossTheSpringChange() {
        long after = slot("2024-04-02T10:00:00Z"); // Tuesday 12:00 CEST
        assertThat(clock.weeksBefore(after, 1)).isEqualTo(slot("2024-03-26T11:00:00Z")); // Tuesday 12:00 CET
        assertThat(clock.weeksBefore(after, 2)).isEqualTo(slot("2024-03-19T11:00:00Z"));
    }

    @Test
    void findsTheSameLocalTimeWeeksEarlierAcrossTheAutumnChange() {
        long after = slot("2024-10-29T11:00:00Z"); // Tuesday 12:00 CET
        assertThat(clock.weeksBefore(after, 1)).isEqualTo(slot("2024-10-22T10:00:00Z")); // 12:00 CEST
        assertThat(clock.daysBefore(after, 3)).isEqualTo(slot("2024-10-26T10:00:00Z"));
    }

    @Test
    void keepsWholeWeeksApartWithoutAChange() {
        long s = slot("2024-07-10T08:05:00Z");
        assertThat(s - clock.weeksBefore(s, 4)).isEqualTo(4L * SlotClock.SLOTS_PER_WEEK);
    }
}
