package de.parkleit.guidance.forecast;

import de.parkleit.prediction.forecast.*;

import de.parkleit.core.state.FacilityState;
import de.parkleit.guidance.ArrivalForecast;
import de.parkleit.prediction.AvailabilityForecast;
import de.parkleit.guidance.Prediction;
import de.parkleit.guidance.TrendForecast;
import de.parkleit.prediction.AvailabilityPredictor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guidance's forecast backed by the trained model ({@link AvailabilityPredictor}), with {@link TrendForecast}
 * standing in per facility while the model cannot forecast it from a recent reading with a profile (no model
 * trained yet, less than a week of history at that time of the week, no clean recent reading). Every
 * {@link Prediction} says which one made it ({@link Prediction#MODEL} or {@link Prediction#TREND}).
 *
 * <p>Feed it every live state ({@link #observe}). A new predictor (retrained, with the store's history) is
 * installed with {@link #beginRebuild()} before the store is read and {@link #install} afterwards: the states seen in
 * between, and the latest state of every facility, are replayed into it, so none is lost. Thread-safe; forecasts take microseconds.
 */
public final class ModelForecast implements ArrivalForecast {

    /** z of the 90 % quantile of a normal distribution: the trend's band is expected +- Z90 * sd. */
    static final double Z90 = 1.2815515655446004;
    private static final int MAX_REPLAY = 200_000;

    private final TrendForecast trend = new TrendForecast();
    private final Clock clock;
    private final Object lock = new Object();
    private volatile AvailabilityPredictor predictor;
    private List<FacilityState> replay;
    private final java.util.Map<String, FacilityState> latest = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelForecast(Clock clock) {
        this.clock = clock;
    }

    /** Records a live state in the trend and, once installed, the model's predictor. */
    public void observe(FacilityState s) {
        trend.observe(s);
        latest.merge(s.facilityId(), s, (old, now) -> old.updatedAt() != null && now.updatedAt() != null
                && now.updatedAt().isBefore(old.updatedAt()) ? old : now);
        synchronized (lock) {
            if (replay != null && replay.size() < MAX_REPLAY) {
                replay.add(s);
            }
        }
        AvailabilityPredictor p = predictor;
        if (p != null) {
            p.observe(s);
        }
    }

    /** From now on, states are also kept for the predictor that {@link #install} will bring. */
    public void beginRebuild() {
        synchronized (lock) {
            replay = new ArrayList<>();
        }
    }

    /**
     * Replays the states seen since {@link #beginRebuild()} and the latest state of every facility into {@code next}
     * (states older than its history are ignored there) and forecasts with it from now on.
     */
    public void install(AvailabilityPredictor next) {
        synchronized (lock) {
            if (replay != null) {
                replay.forEach(next::observe);
            }
            latest.values().stream().filter(st -> st.updatedAt() != null)
                    .sorted(java.util.Comparator.comparing(FacilityState::updatedAt)).forEach(next::observe);
            replay = null;
            predictor = next;
        }
    }

    /** A rebuild failed or trained nothing: stop keeping states for it. */
    public void abandonRebuild() {
        synchronized (lock) {
            replay = null;
        }
    }

    /** True once a trained predictor is installed. */
    public boolean modelInstalled() {
        return predictor != null;
    }

    @Override
    public Prediction predict(String facilityId, FacilityState live, Instant arrival) {
        Optional<AvailabilityForecast> f = modelForecast(facilityId, arrival);
        if (f.isPresent()) {
            var m = f.get();
            double sd = (m.highFree() - m.lowFree()) / (2 * Z90);
            return Prediction.of(m.expectedFree(), sd, m.probabilityFree()).withSource(Prediction.MODEL);
        }
        return trend.predict(facilityId, live, arrival).withSource(Prediction.TREND);
    }

    /**
     * The forecast at {@code minutes} ahead of now for clients, from the model where it can, else from the trend;
     * {@code live} must have a free count and time (an open facility with fresh data).
     */
    public Outlook outlook(String facilityId, FacilityState live, int minutes) {
        Instant arrival = clock.instant().plusSeconds(60L * minutes);
        Optional<AvailabilityForecast> f = modelForecast(facilityId, arrival);
        if (f.isPresent()) {
            var m = f.get();
            return new Outlook(minutes, arrival, (int) Math.floor(m.expectedFree()), m.lowFree(), m.highFree(),
                    m.probabilityFree(), Prediction.MODEL);
        }
        Prediction p = trend.predict(facilityId, live, arrival);
        int capacity = live.capacity();
        double low = Math.max(0, p.expectedFree() - Z90 * p.sdFree());
        double high = Math.min(capacity, p.expectedFree() + Z90 * p.sdFree());
        return new Outlook(minutes, arrival, (int) Math.floor(p.expectedFree()), (int) Math.floor(low),
                (int) Math.ceil(high), p.probabilityNow(), Prediction.TREND);
    }

    private Optional<AvailabilityForecast> modelForecast(String facilityId, Instant arrival) {
        AvailabilityPredictor p = predictor;
        if (p == null) {
            return Optional.empty();
        }
        return p.forecast(facilityId, clock.instant(), arrival)
                .filter(f -> f.method() == AvailabilityForecast.Method.MODEL);
    }
}
