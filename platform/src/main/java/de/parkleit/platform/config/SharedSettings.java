package de.parkleit.platform.config;

import de.parkleit.core.topic.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Properties;

/**
 * The settings every service shares, read once (in {@code app}) and passed down.
 *
 * @param topicRoot  root of wire contract v1 ({@code PARKLEIT_TOPIC_ROOT}, {@code parkleit/v1})
 * @param staleAfter a state older than this is stale ({@code PARKLEIT_STALE_AFTER}, 15 minutes)
 * @param zone       local time of the city ({@code PARKLEIT_TIMEZONE}, else {@code timezone} in the city's
 *                   {@code city.properties}, else UTC)
 * @param instanceId this node ({@code PARKLEIT_INSTANCE_ID}, {@code node1})
 */
public record SharedSettings(String topicRoot, Duration staleAfter, ZoneId zone, String instanceId) {

    public static final String TOPIC_ROOT = "PARKLEIT_TOPIC_ROOT";
    public static final String STALE_AFTER = "PARKLEIT_STALE_AFTER";
    public static final String TIMEZONE = "PARKLEIT_TIMEZONE";
    public static final String INSTANCE_ID = "PARKLEIT_INSTANCE_ID";

    public SharedSettings {
        try {
            new Topics(topicRoot);
        } catch (RuntimeException e) {
            throw new ConfigException(TOPIC_ROOT + ": " + e.getMessage(), e);
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(zone, "zone");
        if (instanceId == null || instanceId.isBlank()) {
            throw new ConfigException(INSTANCE_ID + " must not be blank");
        }
    }

    /** @param cityFolder the city folder whose {@code city.properties} may name the zone, or null */
    public static SharedSettings fromEnv(Env env, Path cityFolder) {
        return new SharedSettings(env.string(TOPIC_ROOT, Topics.DEFAULT_ROOT), env.duration(STALE_AFTER, Duration.ofMinutes(15)),
                zone(env, cityFolder), env.string(INSTANCE_ID, "node1"));
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    /** The one rule for the zone: {@code PARKLEIT_TIMEZONE}, else the city's {@code timezone}, else UTC. */
    public static ZoneId zone(Env env, Path cityFolder) {
        String id = env.raw(TIMEZONE).orElseGet(() -> cityZone(cityFolder));
        try {
            return ZoneId.of(id.strip());
        } catch (RuntimeException e) {
            throw new ConfigException(TIMEZONE + " must be a zone id like Europe/Berlin, got \"" + id + "\"");
        }
    }

    private static String cityZone(Path cityFolder) {
        Path file = cityFolder == null ? null : cityFolder.resolve("city.properties");
        if (file == null || !Files.isRegularFile(file)) {
            return "UTC";
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return p.getProperty("timezone", "UTC").trim();
    }
}
