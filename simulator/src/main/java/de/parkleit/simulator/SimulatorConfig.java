package de.parkleit.simulator;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.Env;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration of the gateway simulator and the history backfill, from {@code PARKLEIT_SIM_*}.
 *
 * @param enabled          PARKLEIT_SIM_ENABLED: run the gateway simulator (default true)
 * @param publishInterval  PARKLEIT_SIM_INTERVAL: one reading per facility this often (default 15s, 100ms..1h)
 * @param qos              PARKLEIT_SIM_QOS: MQTT QoS of the readings, 0 or 1 (default 1)
 * @param topicRoot        PARKLEIT_TOPIC_ROOT: topic root of wire contract v1 (default parkleit/v1)
 * @param zone             PARKLEIT_SIM_TIMEZONE: local time the daily shapes follow (default Europe/Berlin)
 * @param meanDwell        PARKLEIT_SIM_MEAN_DWELL: mean parking duration (default 90m)
 * @param seed             PARKLEIT_SIM_SEED: random seed (default 1)
 * @param backfillDays     PARKLEIT_SIM_BACKFILL_DAYS: days of 5-minute history written on first start, 0 = off (default 35)
 * @param backfillBatch    PARKLEIT_SIM_BACKFILL_BATCH: readings per store write (default 5000)
 * @param gateways         PARKLEIT_SIM_GATEWAYS: occupancy, counts, spaces or mixed (default occupancy)
 * @param format           PARKLEIT_SIM_FORMAT: native, ttn, chirpstack, senml or mixed (default native)
 * @param faults           PARKLEIT_SIM_FAULTS: fault rates, e.g. drop=0.01,duplicate=0.01,late=0.01,reorder=0.01,
 *                         malformed=0.005,drift=0.001 (default none)
 * @param lorawanApp       PARKLEIT_SIM_LORAWAN_APP: application id of simulated LoRaWAN uplinks (default parkleit-sim)
 * @param detectors        PARKLEIT_SIM_DETECTORS: comma-separated loop detector ids to simulate (default none)
 */
public record SimulatorConfig(boolean enabled, Duration publishInterval, int qos, String topicRoot, ZoneId zone,
                              Duration meanDwell, long seed, int backfillDays, int backfillBatch, String gateways,
                              String format, de.parkleit.simulator.gateway.FaultRates faults, String lorawanApp,
                              java.util.List<String> detectors) {

    public SimulatorConfig {
        Objects.requireNonNull(publishInterval, "publishInterval");
        Objects.requireNonNull(topicRoot, "topicRoot");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(meanDwell, "meanDwell");
        if (publishInterval.compareTo(Duration.ofMillis(100)) < 0 || publishInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigException("PARKLEIT_SIM_INTERVAL must be between 100ms and 1h, got " + publishInterval);
        }
        if (qos != 0 && qos != 1) {
            throw new ConfigException("PARKLEIT_SIM_QOS must be 0 or 1, got " + qos);
        }
        if (meanDwell.compareTo(Duration.ofMinutes(5)) < 0 || meanDwell.compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigException("PARKLEIT_SIM_MEAN_DWELL must be between 5m and 24h, got " + meanDwell);
        }
        if (backfillDays < 0 || backfillDays > 366) {
            throw new ConfigException("PARKLEIT_SIM_BACKFILL_DAYS must be between 0 and 366, got " + backfillDays);
        }
        if (backfillBatch < 1 || backfillBatch > 100_000) {
            throw new ConfigException("PARKLEIT_SIM_BACKFILL_BATCH must be between 1 and 100000, got " + backfillBatch);
        }
        if (!java.util.List.of("occupancy", "counts", "spaces", "mixed").contains(gateways)) {
            throw new ConfigException("PARKLEIT_SIM_GATEWAYS must be occupancy, counts, spaces or mixed, got " + gateways);
        }
        if (!java.util.List.of("native", "ttn", "chirpstack", "senml", "mixed").contains(format)) {
            throw new ConfigException("PARKLEIT_SIM_FORMAT must be native, ttn, chirpstack, senml or mixed, got " + format);
        }
        Objects.requireNonNull(faults, "faults");
        if (!de.parkleit.core.Ids.isValid(lorawanApp)) {
            throw new ConfigException("PARKLEIT_SIM_LORAWAN_APP must match [A-Za-z0-9_-]{1,64}, got " + lorawanApp);
        }
        detectors = java.util.List.copyOf(detectors);
        for (String d : detectors) {
            if (!de.parkleit.core.Ids.isValid(d)) {
                throw new ConfigException("PARKLEIT_SIM_DETECTORS: detector id must match [A-Za-z0-9_-]{1,64}, got " + d);
            }
        }
        try {
            new de.parkleit.core.topic.Topics(topicRoot);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_TOPIC_ROOT: " + e.getMessage(), e);
        }
    }

    public static SimulatorConfig defaults() {
        return fromEnv(new Env(java.util.Map.of()));
    }

    public static SimulatorConfig fromEnv(Env env) {
        return fromEnv(env, SharedSettings.fromEnv(env));
    }

    /** As {@link #fromEnv(Env)}, with the topic root from the shared settings. */
    public static SimulatorConfig fromEnv(Env env, SharedSettings shared) {
        return new SimulatorConfig(
                env.bool("PARKLEIT_SIM_ENABLED", true),
                env.duration("PARKLEIT_SIM_INTERVAL", Duration.ofSeconds(15)),
                env.intInRange("PARKLEIT_SIM_QOS", 1, 0, 1),
                shared.topicRoot(),
                zone(env, "PARKLEIT_SIM_TIMEZONE", "Europe/Berlin"),
                env.duration("PARKLEIT_SIM_MEAN_DWELL", Duration.ofMinutes(90)),
                seed(env, "PARKLEIT_SIM_SEED", 1),
                env.intInRange("PARKLEIT_SIM_BACKFILL_DAYS", 35, 0, 366),
                env.intInRange("PARKLEIT_SIM_BACKFILL_BATCH", 5000, 1, 100_000),
                env.string("PARKLEIT_SIM_GATEWAYS", "occupancy").toLowerCase(java.util.Locale.ROOT),
                env.string("PARKLEIT_SIM_FORMAT", "native").toLowerCase(java.util.Locale.ROOT),
                faults(env),
                env.string("PARKLEIT_SIM_LORAWAN_APP", "parkleit-sim"),
                env.raw("PARKLEIT_SIM_DETECTORS").map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim)
                        .filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of()));
    }

    private static de.parkleit.simulator.gateway.FaultRates faults(Env env) {
        try {
            return de.parkleit.simulator.gateway.FaultRates.parse(env.string("PARKLEIT_SIM_FAULTS", "none"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_SIM_FAULTS: " + e.getMessage(), e);
        }
    }

    /** The gateway kind for all facilities, or null for a mix. */
    public de.parkleit.simulator.gateway.GatewayKind gatewayKind() {
        return gateways.equals("mixed") ? null : de.parkleit.simulator.gateway.GatewayKind.parse(gateways);
    }

    /** The payload format for all gateways, or null for a mix. */
    public de.parkleit.simulator.gateway.PayloadFormat payloadFormat() {
        return format.equals("mixed") ? null : de.parkleit.simulator.gateway.PayloadFormat.parse(format);
    }

    public SimulatorConfig withGateways(String kind, String fmt, de.parkleit.simulator.gateway.FaultRates f) {
        return new SimulatorConfig(enabled, publishInterval, qos, topicRoot, zone, meanDwell, seed, backfillDays, backfillBatch,
                kind, fmt, f, lorawanApp, detectors);
    }

    public SimulatorConfig withDetectors(java.util.List<String> ids) {
        return new SimulatorConfig(enabled, publishInterval, qos, topicRoot, zone, meanDwell, seed, backfillDays, backfillBatch,
                gateways, format, faults, lorawanApp, ids);
    }

    public SimulatorConfig withPublishInterval(Duration d) {
        return new SimulatorConfig(enabled, d, qos, topicRoot, zone, meanDwell, seed, backfillDays, backfillBatch,
                gateways, format, faults, lorawanApp, detectors);
    }

    public SimulatorConfig withTopicRoot(String root) {
        return new SimulatorConfig(enabled, publishInterval, qos, root, zone, meanDwell, seed, backfillDays, backfillBatch,
                gateways, format, faults, lorawanApp, detectors);
    }

    public SimulatorConfig withBackfillDays(int days) {
        return new SimulatorConfig(enabled, publishInterval, qos, topicRoot, zone, meanDwell, seed, days, backfillBatch,
                gateways, format, faults, lorawanApp, detectors);
    }

    private static ZoneId zone(Env env, String name, String def) {
        String v = env.string(name, def);
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new ConfigException(name + " must be a time zone like Europe/Berlin, got \"" + v + "\"");
        }
    }

    private static long seed(Env env, String name, long def) {
        return env.raw(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be an integer, got \"" + v + "\"");
            }
        }).orElse(def);
    }
}
