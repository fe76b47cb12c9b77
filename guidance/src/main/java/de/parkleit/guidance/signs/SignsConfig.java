package de.parkleit.guidance.signs;

import de.parkleit.core.topic.Topics;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the signs.
 *
 * @param signsFile  the city's sign file, or null for no signs ({@code PARKLEIT_SIGNS_FILE}; default
 *                   {@code <city folder>/signs.geojson} when it exists)
 * @param thresholds occupancy thresholds in percent ({@code PARKLEIT_SIGN_ALMOST_FULL_RISING} 85,
 *                   {@code PARKLEIT_SIGN_ALMOST_FULL_FALLING} 80, {@code PARKLEIT_SIGN_FULL_RISING} 95,
 *                   {@code PARKLEIT_SIGN_FULL_FALLING} 90)
 * @param validity   every frame is valid this long and republished at half of it ({@code PARKLEIT_SIGN_VALIDITY}, 2m)
 * @param staleAfter a facility state older than this shows "—" ({@code PARKLEIT_STALE_AFTER}, 15m)
 * @param settle     after start, retained states this long are taken in before the first frames go out
 *                   ({@code PARKLEIT_SIGN_SETTLE}, 1s)
 * @param minInterval least time between two changed frames of one sign: a change within it waits, only the newest
 *                   goes out ({@link SignPacer}; {@code PARKLEIT_SIGN_MIN_INTERVAL}, 1s; 0 = every change at once)
 */
public record SignsConfig(String topicRoot, Path signsFile, Thresholds thresholds, Duration validity, Duration staleAfter,
                          Duration settle, Duration minInterval) {

    /** {@code PARKLEIT_SIGN_MIN_INTERVAL} when not set. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);

    public SignsConfig {
        try {
            new Topics(topicRoot);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_TOPIC_ROOT: " + e.getMessage(), e);
        }
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative() || minInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigException("PARKLEIT_SIGN_MIN_INTERVAL must be 0..1m, got " + minInterval);
        }
        if (validity.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("PARKLEIT_SIGN_VALIDITY must be at least 10s, got " + validity);
        }
    }

    /** Defaults for tests: as {@link #fromEnv} without variables, but every change goes out at once (no minimum interval). */
    public static SignsConfig defaults(String topicRoot, Path signsFile) {
        return new SignsConfig(topicRoot, signsFile, Thresholds.DEFAULT, Duration.ofMinutes(2), Duration.ofMinutes(15),
                Duration.ofSeconds(1), Duration.ZERO);
    }

    /** @param cityFolder where the default {@code signs.geojson} is looked for */
    public static SignsConfig fromEnv(Env env, Path cityFolder) {
        return fromEnv(env, SharedSettings.fromEnv(env), cityFolder);
    }

    /** As {@link #fromEnv(Env, Path)}, with the topic root and stale-after from the node's shared settings. */
    public static SignsConfig fromEnv(Env env, SharedSettings shared, Path cityFolder) {
        Path file = env.raw("PARKLEIT_SIGNS_FILE").map(Path::of).orElse(cityFolder.resolve("signs.geojson"));
        if (env.raw("PARKLEIT_SIGNS_FILE").isPresent() && !Files.isRegularFile(file)) {
            throw new ConfigException("PARKLEIT_SIGNS_FILE must name a signs.geojson file, but " + file.toAbsolutePath()
                    + " does not exist");
        }
        Thresholds t;
        try {
            t = new Thresholds(
                    number(env, "PARKLEIT_SIGN_ALMOST_FULL_RISING", Thresholds.DEFAULT.almostFullRising()),
                    number(env, "PARKLEIT_SIGN_ALMOST_FULL_FALLING", Thresholds.DEFAULT.almostFullFalling()),
                    number(env, "PARKLEIT_SIGN_FULL_RISING", Thresholds.DEFAULT.fullRising()),
                    number(env, "PARKLEIT_SIGN_FULL_FALLING", Thresholds.DEFAULT.fullFalling()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_SIGN_*_RISING/_FALLING: " + e.getMessage(), e);
        }
        return new SignsConfig(shared.topicRoot(), Files.isRegularFile(file) ? file : null,
                t, env.duration("PARKLEIT_SIGN_VALIDITY", Duration.ofMinutes(2)),
                shared.staleAfter(),
                env.duration("PARKLEIT_SIGN_SETTLE", Duration.ofSeconds(1)),
                env.raw("PARKLEIT_SIGN_MIN_INTERVAL").filter(v -> v.equals("0")).isPresent() ? Duration.ZERO
                        : env.duration("PARKLEIT_SIGN_MIN_INTERVAL", DEFAULT_MIN_INTERVAL));
    }

    private static double number(Env env, String name, double def) {
        return env.raw(name).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a number (percent), got \"" + v + "\"");
            }
        }).orElse(def);
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    public SignsConfig withSettle(Duration d) {
        return new SignsConfig(topicRoot, signsFile, thresholds, validity, staleAfter, d, minInterval);
    }

    public SignsConfig withMinInterval(Duration d) {
        return new SignsConfig(topicRoot, signsFile, thresholds, validity, staleAfter, settle, d);
    }

    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PARKLEIT_SIGNS_FILE", signsFile == null ? "(none: no signs)" : signsFile.toString());
        m.put("PARKLEIT_SIGN_ALMOST_FULL_RISING", Double.toString(thresholds.almostFullRising()));
        m.put("PARKLEIT_SIGN_ALMOST_FULL_FALLING", Double.toString(thresholds.almostFullFalling()));
        m.put("PARKLEIT_SIGN_FULL_RISING", Double.toString(thresholds.fullRising()));
        m.put("PARKLEIT_SIGN_FULL_FALLING", Double.toString(thresholds.fullFalling()));
        m.put("PARKLEIT_SIGN_VALIDITY", validity.toString());
        m.put("PARKLEIT_SIGN_SETTLE", settle.toString());
        m.put("PARKLEIT_SIGN_MIN_INTERVAL", minInterval.toString());
        return m;
    }
}
