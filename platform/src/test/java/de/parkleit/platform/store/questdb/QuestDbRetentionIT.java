package de.parkleit.platform.store.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.HistoryWindow;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw retention drops old raw days only after aggregating them; old data never corrupts aggregates. */
class QuestDbRetentionIT {

    private static final Instant END = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final Instant START = END.minus(Duration.ofDays(10));

    @TempDir
    Path dir;

    private static List<Reading> day(Instant day, int offset) {
        List<Reading> batch = new ArrayList<>();
        for (int m = 0; m < 1440; m += 5) {
            batch.add(new OccupancyReading("P-old", day.plus(Duration.ofMinutes(m)), offset + m % 100, 100, null));
        }
        return batch;
    }

    /** Mean free spaces of {@link #day} with offset 0. */
    private static double dayMean() {
        return day(START, 0).stream().mapToInt(r -> ((OccupancyReading) r).free()).average().orElseThrow();
    }

    private static List<OccupancyBucket> daily(QuestDbStore store) {
        return store.occupancyHistory(List.of("P-old"), new HistoryWindow(START, END, Duration.ofDays(1))).get("P-old");
    }

    @Test
    void keepsAggregatesOfBackfilledHistoryBeyondRawRetentionAndIgnoresLateOldReadings() {
        StoreOptions options = new StoreOptions(5_000, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofDays(3), Duration.ofDays(730));
        try (QuestDbStore store = QuestDbStore.openOwning(EmbeddedQuestDb.start(dir, 0), options)) {
            Instant horizon = END.minus(Duration.ofDays(3));
            store.write(day(START, 0));
            for (Instant d = horizon; d.isBefore(END); d = d.plus(Duration.ofDays(1))) {
                store.write(day(d, 0));
            }
            store.runJobNow(); // drops the oldest raw day: days before the horizon are now "old"
            assertThat(store.countOccupancy("P-old", START, END)).isEqualTo(3 * 288);
            for (Instant d = START.plus(Duration.ofDays(1)); d.isBefore(horizon); d = d.plus(Duration.ofDays(1))) {
                store.write(day(d, 0)); // a backfill of history older than raw retention, one day per request
            }

            List<OccupancyBucket> before = daily(store);
            assertThat(before).hasSize(10).allMatch(b -> b.samples() == 288 && Math.abs(b.meanFree() - dayMean()) < 1e-9);
            store.runJobNow();
            assertThat(store.countOccupancy("P-old", START, horizon)).as("raw days beyond retention dropped").isZero();
            assertThat(store.countOccupancy("P-old", horizon, END)).isEqualTo(3 * 288);

            store.write(day(START, 1000)); // replayed backfill with other values, older than retention
            store.write(List.of(new OccupancyReading("P-old", START.plusSeconds(60), 7, null, null))); // late reading
            assertThat(daily(store)).as("old aggregates are not replaced by partial data").isEqualTo(before);
            store.runJobNow();
            assertThat(store.countOccupancy("P-old", START, horizon)).isZero();
            assertThat(daily(store)).isEqualTo(before);

            store.write(day(horizon, 500)); // a replay within raw retention recomputes its aggregates
            assertThat(daily(store).get(7).meanFree()).isCloseTo(500 + dayMean(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void replacesMaterializedViewsOfEarlierVersionsAndAggregatesTheRawRowsAlreadyThere() throws Exception {
        try (EmbeddedQuestDb db = EmbeddedQuestDb.start(dir, 0)) {
            QuestDbHttp http = new QuestDbHttp(db.httpUrl(), Duration.ofSeconds(10));
            http.exec("CREATE TABLE parking_occupancy (facility SYMBOL, free INT, capacity INT, status VARCHAR, ts TIMESTAMP)"
                    + " TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL DEDUP UPSERT KEYS(ts, facility)");
            http.exec("CREATE MATERIALIZED VIEW parking_occupancy_5m AS (SELECT ts, facility, min(free) min_free, max(free) max_free,"
                    + " sum(free) sum_free, count() samples FROM parking_occupancy SAMPLE BY 5m) PARTITION BY MONTH");
            Instant t = END.minus(Duration.ofDays(1));
            for (int m = 0; m < 60; m++) {
                http.exec("INSERT INTO parking_occupancy (ts, facility, free) VALUES ('" + QuestDbSql.timestamp(t.plus(Duration.ofMinutes(m)))
                        + "', 'P-kept', " + m + ")");
            }
            try (QuestDbStore store = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults())) {
                assertThat(http.query("SELECT view_name FROM materialized_views()")).isEmpty();
                HistoryWindow hour = new HistoryWindow(t, t.plus(Duration.ofHours(1)), Duration.ofHours(1));
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                        assertThat(store.occupancyHistory(List.of("P-kept"), hour).get("P-kept"))
                                .containsExactly(new OccupancyBucket(t, 29.5, 0, 59, 60)));
            }
        }
    }
}
