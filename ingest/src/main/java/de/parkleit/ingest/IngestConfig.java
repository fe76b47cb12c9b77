package de.parkleit.ingest;

import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.throttle.GatewayLimits;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration of the ingest service.
 *
 * @param topicRoot        topic root of wire contract v1 ({@code PARKLEIT_TOPIC_ROOT}, default {@code parkleit/v1})
 * @param shareGroup       shared-subscription group, or null to subscribe plainly (embedded broker)
 *                         ({@code PARKLEIT_INGEST_SHARE_GROUP}; default none: a plain subscription, since
 *                         Mosquitto 2.0.11 drops what is published to a shared subscription between a broker
 *                         restart and the member's reconnect (docs/reliability.md, "Broker restart");
 *                         several instances set one, e.g. {@code parkleit-ingest})
 * @param staleAfter       a facility without data this long turns {@code unknown} ({@code PARKLEIT_STALE_AFTER}, 15m)
 * @param maxFuture        readings further than this in the future are rejected ({@code PARKLEIT_INGEST_MAX_FUTURE}, 5m)
 * @param maxPayloadBytes  larger payloads are rejected ({@code PARKLEIT_INGEST_MAX_PAYLOAD}, 4096)
 * @param maxUplinkBytes   the same for LoRaWAN network-server uplinks, which carry per-gateway metadata
 *                         ({@code PARKLEIT_INGEST_MAX_UPLINK}, 16384)
 * @param spoolDir         the disk spool for readings the store cannot take now
 *                         ({@code PARKLEIT_INGEST_SPOOL_DIR}, default {@code $PARKLEIT_DATA_DIR/ingest-spool})
 * @param spoolMaxBytes    spool size limit; when reached, messages stay unacknowledged at the broker
 *                         ({@code PARKLEIT_INGEST_SPOOL_MAX_MB}, 4096 MiB)
 * @param batchMax         most readings per store write ({@code PARKLEIT_INGEST_BATCH_MAX}, 5000)
 * @param workers          worker threads for store writes and spool I/O ({@code PARKLEIT_INGEST_WORKERS}, 2)
 * @param stateInterval    least time between two publishes of one facility's retained state; changes in between
 *                         are coalesced. Independent of it, a state waits while its previous publish is unconfirmed
 *                         by the broker ({@code PARKLEIT_INGEST_STATE_INTERVAL}, default 250 ms, at most four states per
 *                         facility and second; 0 = only the broker's pace limits, which at 5,000 readings/s over 20
 *                         facilities floods the state and sign subscribers: docs/reliability.md, "Soak")
 * @param lorawanDevices   CSV mapping LoRaWAN device EUIs to facilities/spaces, or null
 *                         ({@code PARKLEIT_LORAWAN_DEVICES}, default {@code <city folder>/lorawan-devices.csv} if present)
 * @param zone             local time zone (what "night" is for drift detection): from {@link #fromEnv(Env, SharedSettings, Path)} the shared
 *                         settings' zone ({@link SharedSettings#zone}: {@code PARKLEIT_TIMEZONE}, else the city's
 *                         {@code timezone}, else UTC); null (direct construction) for the city's timezone, else UTC
 * @param connections      input connections of this instance to the broker, each subscribed through the share
 *                         group; more than one needs a share group and is ignored without one (the embedded broker
 *                         delivers nothing to shared subscriptions of MQTT 3.1.1 clients)
 *                         ({@code PARKLEIT_INGEST_CONNECTIONS}, 1..16, default 1)
 * @param gatewayLimits    the per-gateway budget: a gateway (facility, detector, LoRaWAN app, SenML gateway) that
 *                         sends more is cut to it and counted ({@code PARKLEIT_INGEST_GATEWAY_RATE} messages per minute,
 *                         0 = off, the default; {@code PARKLEIT_INGEST_SPACE_RATE}, {@code PARKLEIT_INGEST_GATEWAY_BURST},
 *                         {@code PARKLEIT_INGEST_THROTTLE_TAGS}: {@link GatewayLimits})
 * @param storeHeartbeats  whether a single-space reading that repeats its space's value (a heartbeat) is stored; by
 *                         default it is not: it refreshes the live state, is counted
 *                         ({@code parkleit_ingest_heartbeats_total}) and acknowledged, and only changes cost a row
 *                         ({@code PARKLEIT_INGEST_STORE_HEARTBEATS}, false)
 */
public record IngestConfig(String topicRoot, String shareGroup, Duration staleAfter, Duration maxFuture,
                           int maxPayloadBytes, int maxUplinkBytes, Path spoolDir, long spoolMaxBytes, int batchMax, int workers,
                           Duration stateInterval, Path lorawanDevices, ZoneId zone, int connections,
                           GatewayLimits gatewayLimits, boolean storeHeartbeats) {

    /** The share group docs/scaling.md sets for several instances; not a default since issue 21 (docs/reliability.md). */
    public static final String DEFAULT_SHARE_GROUP = "parkleit-ingest";
    public static final int MAX_CONNECTIONS = 16;
    /** {@code PARKLEIT_INGEST_STATE_INTERVAL} when not set. */
    public static final Duration DEFAULT_STATE_INTERVAL = Duration.ofMillis(250);

    public IngestConfig {
        new Topics(topicRoot);
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(maxFuture, "maxFuture");
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(stateInterval, "stateInterval");
        Objects.requireNonNull(gatewayLimits, "gatewayLimits");
        if (shareGroup != null && !shareGroup.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ConfigException("PARKLEIT_INGEST_SHARE_GROUP must match [A-Za-z0-9_-]{1,64}, got \"" + shareGroup + "\"");
        }
        if (maxPayloadBytes < 64 || maxPayloadBytes > 1 << 20) {
            throw new ConfigException("PARKLEIT_INGEST_MAX_PAYLOAD must be 64..1048576 bytes, got " + maxPayloadBytes);
        }
        if (maxUplinkBytes < 64 || maxUplinkBytes > 1 << 20) {
            throw new ConfigException("PARKLEIT_INGEST_MAX_UPLINK must be 64..1048576 bytes, got " + maxUplinkBytes);
        }
        if (batchMax < 1 || workers < 1 || spoolMaxBytes < 1 << 20) {
            throw new ConfigException("PARKLEIT_INGEST_BATCH_MAX and PARKLEIT_INGEST_WORKERS must be >= 1, "
                    + "PARKLEIT_INGEST_SPOOL_MAX_MB >= 1");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new ConfigException("PARKLEIT_INGEST_CONNECTIONS must be 1.." + MAX_CONNECTIONS + ", got " + connections);
        }
    }

    /** Defaults for tests: plain subscription, 15 min staleness, no minimum state interval. */
    public static IngestConfig defaults(String topicRoot, Path spoolDir) {
        return new IngestConfig(topicRoot, null, Duration.ofMinutes(15), Duration.ofMinutes(5), 4096, 16384, spoolDir,
                4096L << 20, 5000, 2, Duration.ZERO, null, null, 1, GatewayLimits.OFF, false);
    }

    /** Reads the {@code PARKLEIT_INGEST_*} variables; the spool defaults to {@code $PARKLEIT_DATA_DIR/ingest-spool}. */
    public static IngestConfig fromEnv(Env env) {
        return fromEnv(env, env.path("PARKLEIT_DATA_DIR", "data"));
    }

    public static IngestConfig fromEnv(Env env, Path dataDir) {
        return fromEnv(env, SharedSettings.fromEnv(env), dataDir);
    }

    /** As {@link #fromEnv(Env, Path)}, with the topic root, stale-after and zone from the node's shared settings. */
    public static IngestConfig fromEnv(Env env, SharedSettings shared, Path dataDir) {
        String group = env.raw("PARKLEIT_INGEST_SHARE_GROUP").orElse("none");
        Duration interval = env.raw("PARKLEIT_INGEST_STATE_INTERVAL").filter(v -> v.equals("0")).isPresent()
                ? Duration.ZERO : env.duration("PARKLEIT_INGEST_STATE_INTERVAL", DEFAULT_STATE_INTERVAL);
        ZoneId zone = shared.zone();
        return new IngestConfig(
                shared.topicRoot(),
                group.equals("none") ? null : group,
                shared.staleAfter(),
                env.duration("PARKLEIT_INGEST_MAX_FUTURE", Duration.ofMinutes(5)),
                env.intInRange("PARKLEIT_INGEST_MAX_PAYLOAD", 4096, 64, 1 << 20),
                env.intInRange("PARKLEIT_INGEST_MAX_UPLINK", 16384, 64, 1 << 20),
                env.raw("PARKLEIT_INGEST_SPOOL_DIR").isPresent() ? env.path("PARKLEIT_INGEST_SPOOL_DIR", "")
                        : dataDir.resolve("ingest-spool"),
                (long) env.intInRange("PARKLEIT_INGEST_SPOOL_MAX_MB", 4096, 1, 1 << 24) << 20,
                env.intInRange("PARKLEIT_INGEST_BATCH_MAX", 5000, 1, 1_000_000),
                env.intInRange("PARKLEIT_INGEST_WORKERS", 2, 1, 64),
                interval,
                env.raw("PARKLEIT_LORAWAN_DEVICES").isPresent() ? env.path("PARKLEIT_LORAWAN_DEVICES", "") : null,
                zone,
                env.intInRange("PARKLEIT_INGEST_CONNECTIONS", 1, 1, MAX_CONNECTIONS),
                new GatewayLimits(env.intInRange("PARKLEIT_INGEST_GATEWAY_RATE", 0, 0, 1_000_000),
                        env.intInRange("PARKLEIT_INGEST_SPACE_RATE", GatewayLimits.OFF.perSpaceMinute(), 0, 60_000),
                        env.duration("PARKLEIT_INGEST_GATEWAY_BURST", GatewayLimits.OFF.burst()),
                        env.intInRange("PARKLEIT_INGEST_THROTTLE_TAGS", GatewayLimits.OFF.maxTagged(), 1, 10_000)),
                env.bool("PARKLEIT_INGEST_STORE_HEARTBEATS", false));
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    public IngestConfig withShareGroup(String group) {
        return new IngestConfig(topicRoot, group, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, connections, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withStaleAfter(Duration d) {
        return new IngestConfig(topicRoot, shareGroup, d, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, connections, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withStateInterval(Duration d) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, d, lorawanDevices, zone, connections, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withConnections(int n) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, n, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withSpoolDir(Path dir) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, dir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, connections, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withLorawanDevices(Path p) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, p, zone, connections, gatewayLimits, storeHeartbeats);
    }

    public IngestConfig withGatewayLimits(GatewayLimits limits) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, connections, limits, storeHeartbeats);
    }

    public IngestConfig withStoreHeartbeats(boolean store) {
        return new IngestConfig(topicRoot, shareGroup, staleAfter, maxFuture, maxPayloadBytes, maxUplinkBytes, spoolDir, spoolMaxBytes,
                batchMax, workers, stateInterval, lorawanDevices, zone, connections, gatewayLimits, store);
    }
}
