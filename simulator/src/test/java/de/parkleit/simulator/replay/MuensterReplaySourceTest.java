package de.parkleit.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.prediction.MuensterHistory;
import de.parkleit.simulator.TestCity;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuensterReplaySourceTest {

    static final City CITY = TestCity.heidelberg();
    static final Path DATA = Path.of("../opendata/muenster");

    @Test
    void aSaturdayOfDataMapsOntoTheCitysFacilitiesScaledToTheirCapacityAndDetectorsHourly() throws Exception {
        ReplayMapping m = ReplayMapping.bundledHeidelberg(CITY);
        LocalDateTime from = LocalDateTime.of(2024, 6, 1, 0, 0);
        List<ReplayItem> items = MuensterReplaySource.load(DATA, m, CITY, from, from.plusDays(1));

        Map<String, Long> perTarget = items.stream().filter(i -> !i.isTraffic())
                .collect(Collectors.groupingBy(ReplayItem::target, Collectors.counting()));
        assertThat(perTarget.keySet()).containsAll(List.of("heidelbergp7kaufhof", "heidelbergp1poststrasse"));
        assertThat(perTarget.get("heidelbergp7kaufhof")).isBetween(150L, 300L);
        for (ReplayItem i : items) {
            assertThat(i.dataTime()).isAfterOrEqualTo(from).isBefore(from.plusDays(1));
            if (!i.isTraffic()) {
                int cap = CITY.facility(i.target()).orElseThrow().capacity();
                assertThat(i.capacity()).isEqualTo(cap);
                assertThat(i.value()).isBetween(0, cap);
            }
        }
        assertThat(items).isSortedAccordingTo(java.util.Comparator.comparing(ReplayItem::dataTime));
        int kaufhofCap = CITY.facility("heidelbergp7kaufhof").orElseThrow().capacity();
        int noonFree = items.stream().filter(i -> i.target().equals("heidelbergp7kaufhof") && i.dataTime().getHour() == 13)
                .mapToInt(ReplayItem::value).min().orElseThrow();
        assertThat(noonFree).isLessThan(kaufhofCap / 2);
        List<ReplayItem> traffic = items.stream().filter(ReplayItem::isTraffic).toList();
        assertThat(traffic).hasSizeBetween(4 * 20, 4 * 24);
        assertThat(traffic).allMatch(i -> i.intervalS() == 3600 && i.target().startsWith("hd-"));
    }

    @Test
    void occupancyIsPredictionsCleanedSeriesScaledToTheTargetWithClosedKept(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(MuensterHistory.LOTS_FILE),
                "column_name,parkapi2_id,type,capacity_city_2026,capacity_parkapi2\nPH Theater,muensterphtheater,garage,400,400\n");
        Files.writeString(dir.resolve(MuensterHistory.OCCUPANCY_FILE), String.join("\n",
                "timestamp_local,PH Theater",
                "2024-06-01 12:00,ges",
                "2024-06-01 12:05,kei",
                "2024-06-01 12:10,999",
                "2024-06-01 12:15,0",
                "2024-06-01 12:20,100",
                "2024-06-01 12:25,0",
                "2024-06-01 12:30,20",
                "2024-06-01 12:35,10",
                "2024-06-01 12:40,0",
                "2024-06-01 12:45,bes",
                "2024-06-01 12:50,200",
                "2024-06-01 12:55,150") + "\n");
        String target = CITY.facilities().get(0).id();
        int cap = CITY.facility(target).orElseThrow().capacity();
        ReplayMapping m = new ReplayMapping(Map.of("PH Theater", target), Map.of());
        LocalDateTime from = LocalDateTime.of(2024, 6, 1, 12, 0);

        List<ReplayItem> items = MuensterReplaySource.load(dir, m, CITY, from, from.plusMinutes(55));

        assertThat(items).extracting(i -> i.dataTime().getMinute()).as("12:55 is outside [from, to)")
                .containsExactly(0, 20, 30, 35, 40, 45, 50);
        assertThat(items.get(0).status()).isEqualTo(FacilityStatus.CLOSED);
        assertThat(items.get(1).value()).as("100 of 400 free, scaled").isEqualTo(Math.round(100f * cap / 400));
        assertThat(items.subList(4, 6)).as("a 0 right after a nearly full reading counts, and so does bes")
                .allMatch(i -> i.value() == 0 && i.status() == FacilityStatus.OPEN);
        assertThat(items).allMatch(i -> i.capacity() == cap && i.target().equals(target));
    }

    @Test
    void aClosedSlotIsSentClosedAndNoValueNothing() {
        LocalDateTime t = LocalDateTime.of(2024, 6, 1, 12, 0);
        assertThat(MuensterReplaySource.item(t, Double.NaN, true, 400, 200, "x").status()).isEqualTo(FacilityStatus.CLOSED);
        assertThat(MuensterReplaySource.item(t, Double.NaN, false, 400, 200, "x")).isNull();
        assertThat(MuensterReplaySource.item(t, 100, false, 400, 200, "x").value()).isEqualTo(50);
        assertThat(MuensterReplaySource.item(t, 400, false, 400, 201, "x").value()).isEqualTo(201);
    }

    @Test
    void mappingErrorsNameTheLine() {
        String bad = "# c\nfacility,PH Theater,nosuchfacility\n";
        assertThatThrownBy(() -> ReplayMapping.parse(new StringReader(bad), "m.csv", CITY))
                .hasMessageContaining("m.csv line 2").hasMessageContaining("nosuchfacility");
        assertThatThrownBy(() -> ReplayMapping.parse(new StringReader("garage,a,b\n"), "m.csv", CITY))
                .hasMessageContaining("line 1").hasMessageContaining("facility or detector");
    }
}
