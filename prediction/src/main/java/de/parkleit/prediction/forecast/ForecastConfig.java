package de.parkleit.prediction.forecast;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.config.SharedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How guidance forecasts availability, read once from the environment.
 *
 * @param model        use the trained model ({@code PARKLEIT_FORECAST=model}, the default) or only the live trend
 *                     ({@code trend})
 * @param historyWeeks weeks of occupancy history read from the store to train on and to start the forecasters with
 *                     ({@code PARKLEIT_FORECAST_HISTORY_WEEKS}, 10)
 * @param warmupWeeks  weeks of a facility's history before its first training sample
 *                     ({@code PARKLEIT_FORECAST_WARMUP_WEEKS}, 2)
 * @param retrainEvery the model is retrained from the store this often ({@code PARKLEIT_FORECAST_RETRAIN}, 6h)
 * @param zone         local time of the weekday x time-of-day profile ({@code PARKLEIT_TIMEZONE}, else the city's
 *                     {@code timezone}, else UTC)
 */
public record ForecastConfig(boolean model, int historyWeeks, int warmupWeeks, Duration retrainEvery, ZoneId zone) {

    public static final String MODE = "PARKLEIT_FORECAST";
    public static final String HISTORY_WEEKS = "PARKLEIT_FORECAST_HISTORY_WEEKS";
    public static final String WARMUP_WEEKS = "PARKLEIT_FORECAST_WARMUP_WEEKS";
    public static final String RETRAIN = "PARKLEIT_FORECAST_RETRAIN";

    public ForecastConfig {
        if (historyWeeks < 2 || historyWeeks > 10) {
            throw new ConfigException(HISTORY_WEEKS + " must be between 2 and 10, got " + historyWeeks);
        }
        if (warmupWeeks < 1 || warmupWeeks >= historyWeeks || warmupWeeks > 8) {
            throw new ConfigException(WARMUP_WEEKS + " must be between 1 and min(8, " + HISTORY_WEEKS + " - 1), got "
                    + warmupWeeks);
        }
        Objects.requireNonNull(retrainEvery, "retrainEvery");
        if (retrainEvery.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new ConfigException(RETRAIN + " must be at least 10m, got " + retrainEvery);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The defaults documented above, in {@code zone}. */
    public static ForecastConfig defaults(ZoneId zone) {
        return new ForecastConfig(true, 10, 2, Duration.ofHours(6), zone);
    }

    /** Only the live trend: no store reads, no training. */
    public static ForecastConfig trendOnly(ZoneId zone) {
        return new ForecastConfig(false, 10, 2, Duration.ofHours(6), zone);
    }

    /** Reads the variables above; {@code cityFolder} (may be null) supplies the city's {@code timezone}. */
    public static ForecastConfig fromEnv(Env env, Path cityFolder) {
        return fromEnv(env, SharedSettings.zone(env, cityFolder));
    }

    /** Reads the variables above; {@code zone} is the shared settings' zone. */
    public static ForecastConfig fromEnv(Env env, ZoneId zone) {
        ForecastConfig d = defaults(ZoneId.of("UTC"));
        String mode = env.string(MODE, "model").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("model") && !mode.equals("trend")) {
            throw new ConfigException(MODE + " must be model or trend, got \"" + mode + "\"");
        }
        return new ForecastConfig(mode.equals("model"),
                env.intInRange(HISTORY_WEEKS, d.historyWeeks, 2, 10),
                env.intInRange(WARMUP_WEEKS, d.warmupWeeks, 1, 8),
                env.duration(RETRAIN, d.retrainEvery),
                zone);
    }

    /** The effective configuration for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MODE, model ? "model" : "trend");
        if (model) {
            m.put(HISTORY_WEEKS, Integer.toString(historyWeeks));
            m.put(WARMUP_WEEKS, Integer.toString(warmupWeeks));
            m.put(RETRAIN, retrainEvery.toString());
        }
        m.put("zone", zone.getId());
        return m;
    }
}
