package de.parkleit.guidance.forecast;

import de.parkleit.prediction.forecast.*;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import de.parkleit.guidance.Prediction;
import de.parkleit.prediction.CleaningRules;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five weeks of two real Münster garages (29 April - 2 June 2024, moved by whole weeks so that they end in the last
 * week before now) written into an embedded QuestDB through the store adapter, read back as the forecaster's
 * history, trained on and forecast from, as the running guidance does at start.
 */
class StoreHistoryIT {

    private static final Instant FROM = Instant.parse("2024-04-29T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-03T00:00:00Z");
    private static final List<String> IDS = List.of("muensterphtheater", "muensterphstubengasse");

    @TempDir
    static Path dir;
    static TimeSeriesStore store;
    static MuensterSlices data;
    static long shift;
    static Instant now;
    static List<Facility> facilities = new ArrayList<>();
    static List<OccupancySeries> written = new ArrayList<>();

    @BeforeAll
    static void fill() throws Exception {
        data = MuensterSlices.load();
        now = Instant.now();
        long weeks = Duration.between(TO, now).toDays() / 7;
        shift = weeks * SlotClock.SLOTS_PER_WEEK;
        store = QuestDbStore.openOwning(EmbeddedQuestDb.start(dir.resolve("questdb"), 0), StoreOptions.defaults());
        List<Reading> readings = new ArrayList<>();
        for (String id : IDS) {
            OccupancySeries s = data.slice(id, FROM, TO, shift);
            written.add(s);
            facilities.add(new Facility(id, id, FacilityType.GARAGE, 51.96, 7.62, s.capacity(), ""));
            for (long slot = s.firstSlot(); slot <= s.latestSlot(); slot++) {
                double v = s.freeAt(slot);
                if (!Double.isNaN(v)) {
                    readings.add(new OccupancyReading(id, SlotClock.startOf(slot).plusSeconds(20), (int) v, s.capacity(),
                            FacilityStatus.OPEN));
                }
            }
        }
        store.write(readings);
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theStoresHistoryComesBackAsTheSeriesThatWasWritten() {
        List<OccupancySeries> read = StoreHistory.load(store, facilities, now, 10, MuensterSlices.BERLIN, CleaningRules.defaults());
        assertThat(read).extracting(OccupancySeries::facilityId).containsExactlyElementsOf(IDS);
        for (int i = 0; i < IDS.size(); i++) {
            OccupancySeries w = written.get(i);
            OccupancySeries r = read.get(i);
            assertThat(r.capacity()).isEqualTo(w.capacity());
            int same = 0;
            for (long slot = w.firstSlot(); slot <= w.latestSlot(); slot++) {
                if (!Double.isNaN(w.freeAt(slot)) && Math.abs(r.freeAt(slot) - w.freeAt(slot)) < 1e-6) {
                    same++;
                }
            }
            assertThat(same).isGreaterThan(w.validCount() * 98 / 100);
        }
    }

    @Test
    void trainsOnTheStoresHistoryAndForecastsWithTheModel() {
        ForecastTraining.Result r = new ForecastTraining(store, facilities, ForecastConfig.defaults(MuensterSlices.BERLIN))
                .run(now);
        assertThat(r.trained()).isTrue();
        assertThat(r.series()).isEqualTo(2);
        ModelForecast forecast = new ModelForecast(Clock.systemUTC());
        forecast.install(r.predictor());
        // a live state now, on a quarter hour (the export has readings every 15 minutes at night)
        Instant quarter = Instant.ofEpochSecond(now.getEpochSecond() / 900 * 900);
        FacilityState live = new FacilityState("muensterphtheater", 400, 743, FacilityStatus.OPEN,
                de.parkleit.core.state.Trend.STEADY, quarter, java.util.Set.of());
        forecast.observe(live);
        Prediction p = forecast.predict("muensterphtheater", live, now.plusSeconds(1800));
        assertThat(p.source()).isEqualTo(Prediction.MODEL);
        assertThat(p.expectedFree()).isBetween(0.0, 743.0);
    }
}
