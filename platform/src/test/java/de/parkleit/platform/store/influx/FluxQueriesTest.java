package de.parkleit.platform.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.store.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FluxQueriesTest {

    private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T02:00:00Z");
    private final FluxQueries flux = new FluxQueries("park\"leit${x}", "parkleit_5m");

    @Test
    void escapesQuotesBackslashesAndInterpolationInStringLiterals() {
        assertThat(Flux.string("a\"b\\c${d}\ne")).isEqualTo("\"a\\\"b\\\\c\\${d}\\ne\"");
    }

    @Test
    void buildsTheRawOccupancyQueryFromCheckedIdsOnly() {
        String q = flux.occupancyRaw(List.of("P1", "P-2"), FROM, TO, Duration.ofMinutes(1));
        assertThat(q).contains("from(bucket: \"park\\\"leit\\${x}\")")
                .contains("range(start: 2026-11-23T00:00:00Z, stop: 2026-11-23T02:00:00Z)")
                .contains("filter(fn: (r) => r.facility == \"P1\" or r.facility == \"P-2\")")
                .contains("aggregateWindow(every: 60s, fn: fn, createEmpty: false, timeSrc: \"_start\")")
                .contains("pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")");
    }

    @Test
    void refusesIdsThatAreNotIds() {
        for (String bad : List.of("P1\" or true or \"", "${token}", "a\\", "P1\n|> drop(columns: [\"_value\"])")) {
            assertThatThrownBy(() -> flux.occupancyRaw(List.of(bad), FROM, TO, Duration.ofMinutes(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> flux.trafficRaw(List.of("D1", bad), FROM, TO, Duration.ofMinutes(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> flux.countOccupancy(bad, FROM, TO)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void countsEventsPerHourGroupedByTheirIdTag() {
        String q = flux.perHour(Measurement.SIGN_DISPLAY, "text", FROM, TO);
        assertThat(q).contains("r._measurement == \"sign_display\" and r._field == \"text\"")
                .contains("group(columns: [\"sign\"])").contains("aggregateWindow(every: 1h, fn: count");
    }

    @Test
    void downsamplesFromAnAlignedStartIntoTheAggregateBucket() {
        String q = new FluxQueries("parkleit", "parkleit_5m").downsampleTask("parkleit", Duration.ofHours(1));
        assertThat(q).contains("date.truncate(t: date.sub(d: 3600s, from: now()), unit: 5m)")
                .contains("to(bucket: \"parkleit_5m\", org: \"parkleit\")")
                .contains("value: \"parking_occupancy_5m\"").contains("value: \"traffic_5m\"");
    }
}
