package de.parkleit.platform.store.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestDbStoreIT {

    /** Noon UTC two days ago: inside raw retention whenever the test runs. */
    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(2)).plus(Duration.ofHours(12));

    @TempDir
    static Path dir;
    static EmbeddedQuestDb db;
    static QuestDbStore store;

    @BeforeAll
    static void start() {
        db = EmbeddedQuestDb.start(dir.resolve("questdb"), 0);
        store = QuestDbStore.open(db.httpUrl(), StoreOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static List<Reading> minuteReadings(String facility, int n, int freeOffset) {
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new OccupancyReading(facility, T0.plusSeconds(60L * i), i + freeOffset, 500, FacilityStatus.OPEN));
        }
        return out;
    }

    @Test
    void readsBackWhatItWroteImmediately() {
        store.write(minuteReadings("P-roundtrip", 100, 0));

        assertThat(store.countOccupancy("P-roundtrip", T0, T0.plus(Duration.ofHours(3)))).isEqualTo(100);
        List<OccupancyBucket> buckets = store.occupancyHistory("P-roundtrip", T0, T0.plus(Duration.ofHours(3)), Duration.ofMinutes(10));
        assertThat(buckets).hasSize(10);
        assertThat(buckets.get(0)).isEqualTo(new OccupancyBucket(T0, 4.5, 0, 9, 10));
        assertThat(buckets.get(9).start()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        assertThat(buckets.get(9).maxFree()).isEqualTo(99);
    }

    @Test
    void replayingABatchKeepsOneRowPerTimestampWithTheLastValues() {
        store.write(minuteReadings("P-replay", 100, 0));
        store.write(minuteReadings("P-replay", 100, 0));
        store.write(minuteReadings("P-replay", 100, 1000));

        assertThat(store.countOccupancy("P-replay", T0, T0.plus(Duration.ofDays(1)))).isEqualTo(100);
        List<OccupancyBucket> b = store.occupancyHistory("P-replay", T0, T0.plus(Duration.ofDays(1)), Duration.ofDays(1));
        assertThat(b).containsExactly(new OccupancyBucket(T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS), 1049.5, 1000, 1099, 100));
    }

    @Test
    void writesEveryReadingTypeInBatchesLargerThanOneRequest() {
        List<Reading> all = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            Instant ts = T0.plusMillis(i * 250L);
            all.add(new OccupancyReading("P-mixed", ts, i % 700, null, null));
            all.add(new CountsReading("P-mixed", ts, 3, 1, i));
            all.add(new SpaceReading("P-mixed", "S" + (i % 7), ts, i % 2 == 0));
            all.add(new TrafficReading("D-" + (i % 3), ts, 60, 14, i % 5 == 0 ? null : 31.5, 12.0));
        }
        store.write(all);

        assertThat(store.countOccupancy("P-mixed", T0, T0.plus(Duration.ofDays(1)))).isEqualTo(12_000);
    }

    @Test
    void refusesASecondInstanceOnTheSamePortNamingTheVariable() {
        assertThatThrownBy(() -> EmbeddedQuestDb.start(dir.resolve("other"), db.httpPort()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(EmbeddedQuestDb.PORT_VARIABLE)
                .hasMessageContaining(String.valueOf(db.httpPort()));
    }

    @Test
    void isHealthyWhileRunning() {
        assertThat(store.isHealthy()).isTrue();
        assertThat(store.name()).isEqualTo("questdb");
    }
}
