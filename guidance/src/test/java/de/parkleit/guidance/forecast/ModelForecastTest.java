package de.parkleit.guidance.forecast;

import de.parkleit.prediction.forecast.*;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.state.FacilityState;
import de.parkleit.guidance.Prediction;
import de.parkleit.guidance.TrendForecast;
import de.parkleit.prediction.OccupancySeries;
import de.parkleit.prediction.SlotClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter on the real Münster export: five central garages, trained on the five weeks before Monday 3 June
 * 2024 (as the running system does on the store's history, warm-up 2 weeks), then run over the following week with
 * every reading fed as a live state.
 */
class ModelForecastTest {

    private static final Instant TRAIN_FROM = Instant.parse("2024-04-29T00:00:00Z");
    private static final Instant T = Instant.parse("2024-06-03T00:00:00Z");
    private static final ForecastConfig CONFIG = ForecastConfig.defaults(MuensterSlices.BERLIN);
    private static MuensterSlices data;
    private static ForecastTraining.Result trained;

    @BeforeAll
    static void train() throws Exception {
        data = MuensterSlices.load();
        trained = ForecastTraining.fit(history(T), T, CONFIG);
    }

    private static List<OccupancySeries> history(Instant until) {
        List<OccupancySeries> out = new ArrayList<>();
        for (String id : MuensterSlices.GARAGES) {
            out.add(data.slice(id, TRAIN_FROM, until, 0));
        }
        return out;
    }

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveWeeksOfHistoryTrainTheModel() {
        assertThat(trained.trained()).isTrue();
        assertThat(trained.series()).isEqualTo(5);
        assertThat(trained.model().trainingSamples()).isGreaterThan(5_000);
        assertThat(trained.predictor().facilities()).containsExactlyInAnyOrderElementsOf(MuensterSlices.GARAGES);
    }

    @Test
    void theModelForecastsAFacilityWithHistoryAndTheTrendOneWithout() {
        Instant at = Instant.parse("2024-06-03T08:00:00Z");
        StepClock clock = new StepClock(at);
        ModelForecast forecast = new ModelForecast(clock);
        forecast.install(ForecastTraining.fit(history(at), at, CONFIG).predictor());
        FacilityState theater = data.state("muensterphtheater", SlotClock.slotOf(at), 0);
        forecast.observe(theater);
        FacilityState stranger = new FacilityState("elsewhere", 80, 200, theater.status(), theater.trend(), at, theater.flags());
        forecast.observe(stranger);

        Prediction p = forecast.predict("muensterphtheater", theater, at.plusSeconds(1800));
        assertThat(p.source()).isEqualTo(Prediction.MODEL);
        assertThat(p.expectedFree()).isBetween(0.0, 743.0);
        assertThat(p.sdFree()).isGreaterThan(Prediction.MIN_SD);
        assertThat(forecast.predict("elsewhere", stranger, at.plusSeconds(1800)).source()).isEqualTo(Prediction.TREND);

        for (int minutes : List.of(15, 30, 45, 60)) {
            Outlook o = forecast.outlook("muensterphtheater", theater, minutes);
            assertThat(o.source()).isEqualTo(Prediction.MODEL);
            assertThat(o.arrival()).isEqualTo(at.plusSeconds(60L * minutes));
            assertThat(o.lowFree()).isLessThanOrEqualTo(o.expectedFree());
            assertThat(o.highFree()).isGreaterThanOrEqualTo(o.expectedFree()).isLessThanOrEqualTo(743);
            assertThat(o.highFree() - o.lowFree()).isPositive();
        }
        Outlook t = forecast.outlook("elsewhere", stranger, 30);
        assertThat(t.source()).isEqualTo(Prediction.TREND);
        assertThat(t.expectedFree()).isEqualTo(80);
        assertThat(t.lowFree()).isLessThan(80);
        assertThat(t.highFree()).isGreaterThan(80);
    }

    @Test
    void beforeAModelIsInstalledTheTrendForecasts() {
        Instant at = Instant.parse("2024-06-03T08:00:00Z");
        ModelForecast forecast = new ModelForecast(new StepClock(at));
        FacilityState theater = data.state("muensterphtheater", SlotClock.slotOf(at), 0);
        forecast.observe(theater);
        assertThat(forecast.modelInstalled()).isFalse();
        assertThat(forecast.predict("muensterphtheater", theater, at.plusSeconds(900)).source()).isEqualTo(Prediction.TREND);
    }

    @Test
    void statesSeenWhileRetrainingReachTheNewPredictor() {
        Instant cut = Instant.parse("2024-06-04T09:00:00Z");
        Instant now = cut.plusSeconds(3600);
        StepClock clock = new StepClock(now);
        ModelForecast forecast = new ModelForecast(clock);
        forecast.beginRebuild();
        FacilityState last = null;
        for (long s = SlotClock.slotOf(cut); s <= SlotClock.slotOf(now); s++) {
            FacilityState st = data.state("muensterphtheater", s, 0);
            if (st != null) {
                forecast.observe(st);
                last = st;
            }
        }
        assertThat(last).isNotNull();
        var retrained = ForecastTraining.fit(history(cut), cut, CONFIG);
        forecast.install(retrained.predictor());
        var f = retrained.predictor().forecast("muensterphtheater", now, now.plusSeconds(900)).orElseThrow();
        assertThat(f.basedOn()).isEqualTo(last.updatedAt());
        assertThat(forecast.predict("muensterphtheater", last, now.plusSeconds(900)).source()).isEqualTo(Prediction.MODEL);
    }

    @Test
    void overTheFollowingWeekTheModelBeatsTheTrendItReplaces() {
        StepClock clock = new StepClock(T);
        ModelForecast forecast = new ModelForecast(clock);
        forecast.install(trained.predictor());
        TrendForecast trendOnly = new TrendForecast();
        double modelError = 0;
        double trendError = 0;
        int n = 0;
        int fromModel = 0;
        long end = SlotClock.slotOf(T.plusSeconds(7 * 86_400));
        for (long s = SlotClock.slotOf(T); s < end; s++) {
            for (String id : MuensterSlices.GARAGES) {
                FacilityState st = data.state(id, s, 0);
                if (st == null) {
                    continue;
                }
                clock.now = st.updatedAt();
                forecast.observe(st);
                trendOnly.observe(st);
                double actual = data.series(id).freeAt(s + 6);
                int minute = st.updatedAt().atZone(MuensterSlices.BERLIN).getHour();
                if (Double.isNaN(actual) || minute < 7 || minute >= 21) {
                    continue;
                }
                Instant arrival = st.updatedAt().plusSeconds(1800);
                Prediction m = forecast.predict(id, st, arrival);
                fromModel += m.source().equals(Prediction.MODEL) ? 1 : 0;
                modelError += Math.abs(m.expectedFree() - actual);
                trendError += Math.abs(trendOnly.predict(id, st, arrival).expectedFree() - actual);
                n++;
            }
        }
        assertThat(n).isGreaterThan(3000);
        assertThat(fromModel).isGreaterThan(n * 9 / 10);
        System.out.printf("30-min MAE over %d daytime forecasts: model adapter %.2f, trend %.2f spaces%n", n,
                modelError / n, trendError / n);
        assertThat(modelError / n).isLessThan(0.9 * trendError / n);
    }
}
