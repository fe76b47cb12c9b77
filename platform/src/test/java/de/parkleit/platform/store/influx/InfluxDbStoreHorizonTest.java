package de.parkleit.platform.store.influx;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.store.HistoryWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxDbStoreHorizonTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:34:56Z");
    private static final Duration RAW = Duration.ofDays(30);

    @Test
    void readsAggregatesOnlyBeforeRawRetentionPlusOneDayAlignedToTheStep() {
        HistoryWindow w = new HistoryWindow(NOW.minus(Duration.ofDays(90)), NOW, Duration.ofHours(1));
        assertThat(InfluxDbStore.horizon(w, NOW, RAW)).isEqualTo(Instant.parse("2026-10-28T13:00:00Z"));
    }

    @Test
    void readsRawDataOnlyForStepsFinerThanTheAggregates() {
        HistoryWindow w = new HistoryWindow(NOW.minus(Duration.ofDays(20)), NOW, Duration.ofMinutes(2));
        assertThat(InfluxDbStore.horizon(w, NOW, RAW)).isEqualTo(w.from());
    }

    @Test
    void readsRecentWindowsEntirelyFromRawData() {
        HistoryWindow w = new HistoryWindow(NOW.minus(Duration.ofDays(3)), NOW, Duration.ofMinutes(5));
        assertThat(InfluxDbStore.horizon(w, NOW, RAW)).isBefore(w.from());
    }
}
