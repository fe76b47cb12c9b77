package de.parkleit.dashboard.opendata.datex2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The OSM opening_hours subset the DATEX II tables publish; the rest is left out, never guessed. */
class OpeningHoursTest {

    @Test
    void readsAroundTheClockDayRangesListsAndSeveralSpans() {
        assertThat(OpeningHours.parse("24/7")).hasValue(new OpeningHours(true, java.util.List.of()));
        OpeningHours h = OpeningHours.parse("Mo-Fr 07:00-12:00,13:00-24:00; Sa,Su 09:00-18:00")
                .orElseThrow();
        assertThat(h.rules()).hasSize(3);
        assertThat(h.rules().get(0).days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(h.rules().get(1).to()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(h.rules().get(1).toText()).isEqualTo("00:00:00");
        assertThat(h.rules().get(2).dayNames()).containsExactly("saturday", "sunday");
        assertThat(OpeningHours.parse("Fr-Mo 10:00-20:00").orElseThrow().rules().get(0).days())
                .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(OpeningHours.parse("Mo-Sa 07:00-23:00; Su off").orElseThrow().rules()).hasSize(1);
        assertThat(OpeningHours.parse("06:00-22:00").orElseThrow().rules().get(0).days()).hasSize(7);
    }

    @Test
    void leavesOutWhatItCannotSay() {
        assertThat(OpeningHours.parse("")).isEmpty();
        assertThat(OpeningHours.parse(null)).isEmpty();
        assertThat(OpeningHours.parse("Mo-Fr 08:00-18:00; PH off")).isEmpty();
        assertThat(OpeningHours.parse("Jan-Mar Mo 08:00-18:00")).isEmpty();
        assertThat(OpeningHours.parse("Mo 25:00-26:00")).isEmpty();
        assertThat(OpeningHours.parse("Su off")).isEmpty();
        assertThat(OpeningHours.parse("sunrise-sunset")).isEmpty();
    }
}
