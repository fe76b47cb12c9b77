package de.parkleit.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.city.City;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.simulator.TestCity;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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
    void cellsFollowTheExportsConventions() {
        Map<String, Integer> last = new HashMap<>();
        LocalDateTime t = LocalDateTime.of(2024, 6, 1, 12, 0);
        assertThat(MuensterReplaySource.cell(t, "ges", 400, 200, "x", last, "k").status()).isEqualTo(FacilityStatus.CLOSED);
        assertThat(MuensterReplaySource.cell(t, "kei", 400, 200, "x", last, "k")).isNull();
        assertThat(MuensterReplaySource.cell(t, "999", 400, 200, "x", last, "k")).isNull();
        assertThat(MuensterReplaySource.cell(t, "0", 400, 200, "x", last, "k")).as("0 without a nearly full value before: not connected").isNull();
        assertThat(MuensterReplaySource.cell(t, "100", 400, 200, "x", last, "k").value()).isEqualTo(50);
        assertThat(MuensterReplaySource.cell(t, "0", 400, 200, "x", last, "k")).isNull();
        assertThat(MuensterReplaySource.cell(t, "20", 400, 200, "x", last, "k").value()).isEqualTo(10);
        assertThat(MuensterReplaySource.cell(t, "0", 400, 200, "x", last, "k").value()).isZero();
        assertThat(MuensterReplaySource.cell(t, "bes", 400, 200, "x", new HashMap<>(), "k").value()).isZero();
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
