package de.parkleit.platform.config;

import de.parkleit.core.topic.Topics;
import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

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

    /** Without a city: the zone is {@code PARKLEIT_TIMEZONE}, else UTC (for tools and tests that run no city). */
    public static SharedSettings fromEnv(Env env) {
        return fromEnv(env, (City) null);
    }

    /** @param city the loaded city whose {@code timezone} may name the zone, or null */
    public static SharedSettings fromEnv(Env env, City city) {
        return fromEnv(env, zone(env, city == null ? null : city.timezone()));
    }

    /** @param cityFolder the city folder whose {@code city.properties} may name the zone, or null */
    public static SharedSettings fromEnv(Env env, Path cityFolder) {
        return fromEnv(env, zone(env, cityFolder));
    }

    private static SharedSettings fromEnv(Env env, ZoneId zone) {
        return new SharedSettings(env.string(TOPIC_ROOT, Topics.DEFAULT_ROOT), env.duration(STALE_AFTER, Duration.ofMinutes(15)),
                zone, env.string(INSTANCE_ID, "node1"));
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    /** The one rule for the zone: {@code PARKLEIT_TIMEZONE}, else the city's {@code timezone}, else UTC. */
    public static ZoneId zone(Env env, Path cityFolder) {
        return zone(env, CityLoader.properties(cityFolder).getProperty("timezone"));
    }

    private static ZoneId zone(Env env, String cityTimezone) {
        String id = env.raw(TIMEZONE).orElseGet(() -> cityTimezone == null ? "UTC" : cityTimezone);
        try {
            return ZoneId.of(id.strip());
        } catch (RuntimeException e) {
            throw new ConfigException(TIMEZONE + " must be a zone id like Europe/Berlin, got \"" + id + "\"");
        }
    }
}
