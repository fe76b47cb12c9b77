package de.parkleit.prediction;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fits a {@link ForecastModel} on clean history. For every time-of-day block of the origin and grid horizon: the
 * coefficients of {@link ProfileFeatures} by least absolute deviations over all facilities together (in shares of
 * capacity), and for each facility with at least {@code minFacilitySamples} samples there over that facility alone;
 * then the errors (in spaces) of the coefficients each facility will use, on its samples, for each facility and for
 * all together ({@link ErrorTable}). These errors are in-sample; with about ten coefficients per fit and thousands of
 * samples, holding out the last four weeks gave the same calibration on the validation split. Origins are taken
 * every {@code shortStep} slots for horizons up to an hour and every {@code longStep} slots beyond, to bound time
 * and memory.
 */
public final class ModelTrainer {

    private final ModelSettings settings;
    private final int shortStep;
    private final int longStep;
    private final int minFacilitySamples;
    private Consumer<String> progress = s -> { };
    private int warmupWeeks = -1;

    public ModelTrainer(ModelSettings settings) {
        this(settings, 3, 6, 2000);
    }

    public ModelTrainer(ModelSettings settings, int shortStep, int longStep, int minFacilitySamples) {
        if (shortStep < 1 || longStep < 1) {
            throw new IllegalArgumentException("origin steps must be >= 1");
        }
        this.settings = settings;
        this.shortStep = shortStep;
        this.longStep = longStep;
        this.minFacilitySamples = minFacilitySamples;
    }

    /** Receives one line per finished step, for long runs. */
    public ModelTrainer onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Weeks of each series before its first training origin (default: {@code profileWeeks}, so that every sample
     * sees a full profile). A live system with a few weeks of history uses fewer, e.g. 2: the early samples then
     * have a profile of fewer weeks, as the live forecasts will have until the history is long enough.
     */
    public ModelTrainer warmupWeeks(int weeks) {
        if (weeks < 1 || weeks > settings.profileWeeks()) {
            throw new IllegalArgumentException("warmup weeks must be within 1.." + settings.profileWeeks() + ", got " + weeks);
        }
        this.warmupWeeks = weeks;
        return this;
    }

    /**
     * Fits on the given clean series, using only targets before {@code until}. A facility with too little history
     * uses the city-wide fit; with no samples at all a horizon falls back to persistence (all coefficients zero).
     */
    public ForecastModel train(List<? extends SeriesView> series, Instant until) {
        Map<String, Samples[][]> byFacility = collectAll(series, SlotClock.slotOf(until));
        LeastAbsoluteDeviations lad = new LeastAbsoluteDeviations(30, 1e-4, 1e-9);
        int blocks = ProfileFeatures.blockCount();
        Coefficients[] city = new Coefficients[blocks];
        for (int k = 0; k < blocks; k++) {
            Samples[] all = newSamples();
            for (Samples[][] s : byFacility.values()) {
                for (int i = 0; i < all.length; i++) {
                    all[i].addAll(s[k][i]);
                }
            }
            city[k] = fit(all, lad);
            progress.accept(String.format("fitted all facilities, block %d: %d samples at 5 min", k, all[0].size));
        }
        Map<String, Coefficients[]> own = new HashMap<>();
        byFacility.forEach((id, s) -> {
            Coefficients[] fits = new Coefficients[blocks];
            for (int k = 0; k < blocks; k++) {
                if (s[k][Horizons.GRID.length - 1].size >= minFacilitySamples / 2
                        && s[k][0].size >= minFacilitySamples) {
                    fits[k] = fit(s[k], lad);
                }
            }
            own.put(id, fits);
            progress.accept("fitted " + id);
        });
        ErrorTable cityErrors = new ErrorTable();
        Map<String, ErrorTable> facilityErrors = new HashMap<>();
        byFacility.forEach((id, s) -> {
            ErrorTable table = new ErrorTable();
            for (int k = 0; k < blocks; k++) {
                addErrors(s[k], own.get(id)[k] != null ? own.get(id)[k] : city[k], table, cityErrors);
            }
            facilityErrors.put(id, table);
        });
        own.values().removeIf(fits -> Arrays.stream(fits).allMatch(Objects::isNull));
        long samples = 0;
        for (Samples[][] s : byFacility.values()) {
            samples += countAt(s, 0);
        }
        return new ForecastModel(settings, city, own, cityErrors, facilityErrors, samples);
    }

    /** Samples per facility, time-of-day block and grid horizon. */
    private Map<String, Samples[][]> collectAll(List<? extends SeriesView> series, long end) {
        ProfileFeatures features = new ProfileFeatures(settings);
        Map<String, Samples[][]> byFacility = new HashMap<>();
        for (SeriesView v : series) {
            Samples[][] s = collect(v, end, features);
            byFacility.merge(v.facilityId(), s, (a, b) -> {
                for (int k = 0; k < a.length; k++) {
                    for (int i = 0; i < a[k].length; i++) {
                        a[k][i].addAll(b[k][i]);
                    }
                }
                return a;
            });
            progress.accept(String.format("samples from %s: %d at 5 min", v.facilityId(), countAt(s, 0)));
        }
        return byFacility;
    }

    private static void addErrors(Samples[] samples, Coefficients c, ErrorTable own, ErrorTable city) {
        double[] f = new double[ProfileFeatures.COUNT];
        for (int i = 0; i < samples.length; i++) {
            Samples s = samples[i];
            for (int r = 0; r < s.size; r++) {
                for (int j = 0; j < f.length; j++) {
                    f[j] = s.x[r * f.length + j];
                }
                double capacity = s.capacity[r];
                double predicted = Math.max(0, Math.min(1, s.x0[r] + c.change(Horizons.GRID[i], f))) * capacity;
                double now = s.x0[r] * capacity;
                double actual = (s.x0[r] + s.y[r]) * capacity;
                own.add(i, predicted, now, actual);
                city.add(i, predicted, now, actual);
            }
        }
    }

    private static int countAt(Samples[][] s, int gridIndex) {
        int n = 0;
        for (Samples[] block : s) {
            n += block[gridIndex].size;
        }
        return n;
    }

    private static Samples[] newSamples() {
        Samples[] samples = new Samples[Horizons.GRID.length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new Samples();
        }
        return samples;
    }

    private static Coefficients fit(Samples[] samples, LeastAbsoluteDeviations lad) {
        double[][] c = new double[Horizons.GRID.length][];
        for (int i = 0; i < c.length; i++) {
            Samples s = samples[i];
            c[i] = s.size == 0 ? new double[ProfileFeatures.COUNT] : lad.fit(s.x, s.y, s.size, ProfileFeatures.COUNT);
        }
        return new Coefficients(c);
    }

    private Samples[][] collect(SeriesView v, long end, ProfileFeatures features) {
        Samples[][] samples = new Samples[ProfileFeatures.blockCount()][];
        for (int k = 0; k < samples.length; k++) {
            samples[k] = newSamples();
        }
        double[] f = new double[ProfileFeatures.COUNT];
        int warmup = warmupWeeks > 0 ? warmupWeeks : settings.profileWeeks();
        long start = v.firstSlot() + (long) warmup * SlotClock.SLOTS_PER_WEEK;
        long last = Math.min(v.latestSlot(), end - 1);
        for (long s0 = start - Math.floorMod(start, shortStep); s0 < last; s0 += shortStep) {
            boolean longToo = Math.floorMod(s0, longStep) == 0;
            ProfileFeatures.Origin o = Double.isNaN(v.freeAt(s0)) ? null : features.origin(v, s0);
            if (o == null) {
                continue;
            }
            for (int i = 0; i < Horizons.GRID.length; i++) {
                int h = Horizons.GRID[i];
                if (h > 12 && !longToo || s0 + h >= end) {
                    continue;
                }
                double target = v.shareAt(s0 + h);
                if (!Double.isNaN(target) && features.features(v, o, h, f)) {
                    samples[o.block()][i].add(f, target - o.x0(), o.x0(), v.capacity());
                }
            }
        }
        return samples;
    }

    /** Growable sample arrays of one horizon. */
    private static final class Samples {
        private static final int P = ProfileFeatures.COUNT;
        float[] x = new float[0];
        float[] y = new float[0];
        float[] x0 = new float[0];
        float[] capacity = new float[0];
        int size;

        void add(double[] features, double change, double start, int cap) {
            ensure(size + 1);
            for (int j = 0; j < P; j++) {
                x[size * P + j] = (float) features[j];
            }
            y[size] = (float) change;
            x0[size] = (float) start;
            capacity[size] = cap;
            size++;
        }

        void addAll(Samples o) {
            ensure(size + o.size);
            System.arraycopy(o.x, 0, x, size * P, o.size * P);
            System.arraycopy(o.y, 0, y, size, o.size);
            System.arraycopy(o.x0, 0, x0, size, o.size);
            System.arraycopy(o.capacity, 0, capacity, size, o.size);
            size += o.size;
        }

        private void ensure(int n) {
            if (n > y.length) {
                int c = Math.max(Math.max(1024, n), y.length * 2);
                x = Arrays.copyOf(x, c * P);
                y = Arrays.copyOf(y, c);
                x0 = Arrays.copyOf(x0, c);
                capacity = Arrays.copyOf(capacity, c);
            }
        }
    }
}
