package de.parkleit.simulator.replay;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.simulator.gateway.PayloadFormat;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Configuration of the Münster replay.
 *
 * @param dataDir   PARKLEIT_REPLAY_DATA: folder with the Münster exports (default opendata/muenster)
 * @param mapping   PARKLEIT_REPLAY_MAPPING: mapping file, or null for the bundled Heidelberg mapping
 * @param from      PARKLEIT_REPLAY_FROM: first data time replayed, local (default 2024-06-01T00:00)
 * @param days      PARKLEIT_REPLAY_DAYS: days of data replayed (default 7)
 * @param speed     PARKLEIT_REPLAY_SPEED: data time per wall time (default 60: an hour in a minute)
 * @param format    PARKLEIT_REPLAY_FORMAT: native, ttn, chirpstack or senml (default native)
 * @param topicRoot PARKLEIT_TOPIC_ROOT (default parkleit/v1)
 * @param zone      time zone of the data (Europe/Berlin)
 */
public record ReplayConfig(Path dataDir, Path mapping, LocalDateTime from, int days, double speed, PayloadFormat format,
                           String topicRoot, ZoneId zone) {

    public ReplayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(from, "from");
        if (days < 1 || days > 366) {
            throw new ConfigException("PARKLEIT_REPLAY_DAYS must be between 1 and 366, got " + days);
        }
        if (!(speed >= 1 && speed <= 1_000_000)) {
            throw new ConfigException("PARKLEIT_REPLAY_SPEED must be between 1 and 1000000, got " + speed);
        }
    }

    public LocalDateTime to() {
        return from.plusDays(days);
    }

    public static ReplayConfig fromEnv(Env env) {
        return fromEnv(env, SharedSettings.fromEnv(env));
    }

    /** As {@link #fromEnv(Env)}, with the topic root from the shared settings. */
    public static ReplayConfig fromEnv(Env env, SharedSettings shared) {
        String from = env.string("PARKLEIT_REPLAY_FROM", "2024-06-01T00:00");
        String speed = env.string("PARKLEIT_REPLAY_SPEED", "60");
        String format = env.string("PARKLEIT_REPLAY_FORMAT", "native");
        try {
            return new ReplayConfig(env.path("PARKLEIT_REPLAY_DATA", "opendata/muenster"),
                    env.raw("PARKLEIT_REPLAY_MAPPING").map(Path::of).orElse(null), LocalDateTime.parse(from),
                    env.intInRange("PARKLEIT_REPLAY_DAYS", 7, 1, 366), Double.parseDouble(speed), PayloadFormat.parse(format),
                    shared.topicRoot(), ZoneId.of("Europe/Berlin"));
        } catch (DateTimeParseException e) {
            throw new ConfigException("PARKLEIT_REPLAY_FROM must be a local date-time like 2024-06-01T00:00, got \"" + from + "\"");
        } catch (NumberFormatException e) {
            throw new ConfigException("PARKLEIT_REPLAY_SPEED must be a number, got \"" + speed + "\"");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_REPLAY_FORMAT must be native, ttn, chirpstack or senml, got \"" + format + "\"");
        }
    }
}
