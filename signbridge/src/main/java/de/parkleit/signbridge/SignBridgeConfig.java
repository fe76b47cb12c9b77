package de.parkleit.signbridge;

import de.parkleit.core.topic.Topics;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of the sign bridge.
 *
 * @param topicRoot  {@code PARKLEIT_TOPIC_ROOT}
 * @param signsFile  the city's signs ({@code PARKLEIT_SIGNS_FILE}, default {@code <city>/signs.geojson})
 * @param safeText   the safe text of signs that set none ({@code PARKLEIT_SIGNBRIDGE_SAFE_TEXT}: {@code dash}, the default, or {@code blank})
 * @param timings    {@code PARKLEIT_SIGNBRIDGE_MIN_INTERVAL} (1s, at least 1s), {@code _SAFE_MARGIN} (5s),
 *                   {@code _MAX_FRAME_AGE} (5m), {@code _BROKER_GRACE} (10s), {@code _RETRY_AFTER} (5s), {@code _SETTLE} (2s),
 *                   {@code _ACK_ALERT} (3m)
 * @param httpPort   where the msgfeed and the DATEX II publication are served ({@code PARKLEIT_SIGNBRIDGE_PORT}, 8091; 0 any free)
 * @param country    publisher country of the DATEX II publication ({@code PARKLEIT_SIGNBRIDGE_COUNTRY}, de)
 * @param publisher  publisher id of the DATEX II publication ({@code PARKLEIT_SIGNBRIDGE_PUBLISHER}, parkleit)
 */
public record SignBridgeConfig(String topicRoot, Path signsFile, SafeText safeText, Timings timings, int httpPort, String country,
                               String publisher) {

    public SignBridgeConfig {
        Objects.requireNonNull(signsFile, "signsFile");
        Objects.requireNonNull(safeText, "safeText");
        Objects.requireNonNull(timings, "timings");
        try {
            new Topics(topicRoot);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_TOPIC_ROOT: " + e.getMessage(), e);
        }
    }

    public static SignBridgeConfig fromEnv(Env env, Path cityFolder) {
        return fromEnv(env, SharedSettings.fromEnv(env), cityFolder);
    }

    /** As {@link #fromEnv(Env, Path)}, with the topic root from the shared settings. */
    public static SignBridgeConfig fromEnv(Env env, SharedSettings shared, Path cityFolder) {
        Path file = env.raw("PARKLEIT_SIGNS_FILE").map(Path::of).orElse(cityFolder.resolve("signs.geojson"));
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("the sign bridge needs the city's signs: " + file.toAbsolutePath()
                    + " does not exist (set PARKLEIT_SIGNS_FILE or PARKLEIT_CITY)");
        }
        SafeText safe;
        try {
            safe = SafeText.parse(env.string("PARKLEIT_SIGNBRIDGE_SAFE_TEXT", "dash"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_SIGNBRIDGE_SAFE_TEXT: " + e.getMessage(), e);
        }
        Timings d = Timings.defaults();
        Timings t;
        try {
            t = new Timings(env.duration("PARKLEIT_SIGNBRIDGE_MIN_INTERVAL", d.minInterval()),
                    env.duration("PARKLEIT_SIGNBRIDGE_SAFE_MARGIN", d.safeMargin()),
                    env.duration("PARKLEIT_SIGNBRIDGE_MAX_FRAME_AGE", d.maxFrameAge()),
                    env.duration("PARKLEIT_SIGNBRIDGE_BROKER_GRACE", d.brokerGrace()),
                    env.duration("PARKLEIT_SIGNBRIDGE_RETRY_AFTER", d.retryAfter()),
                    env.duration("PARKLEIT_SIGNBRIDGE_SETTLE", d.settle()),
                    env.duration("PARKLEIT_SIGNBRIDGE_ACK_ALERT", d.ackAlert()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_SIGNBRIDGE_*: " + e.getMessage(), e);
        }
        return new SignBridgeConfig(shared.topicRoot(), file, safe, t,
                env.port("PARKLEIT_SIGNBRIDGE_PORT", 8091), env.string("PARKLEIT_SIGNBRIDGE_COUNTRY", "de"),
                env.string("PARKLEIT_SIGNBRIDGE_PUBLISHER", "parkleit"));
    }

    /** For tests and the demo: the given file and timings, any free port. */
    public static SignBridgeConfig of(String topicRoot, Path signsFile, Timings timings) {
        return new SignBridgeConfig(topicRoot, signsFile, SafeText.DASH, timings, 0, "de", "parkleit");
    }
}
