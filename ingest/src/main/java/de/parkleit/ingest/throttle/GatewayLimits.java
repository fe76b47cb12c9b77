package de.parkleit.ingest.throttle;

import de.parkleit.platform.config.ConfigException;
import java.time.Duration;
import java.util.Objects;

/**
 * The budget of one gateway (a message source, see {@link GatewayThrottle}).
 *
 * @param perMinute      messages per minute every source may send ({@code PARKLEIT_INGEST_GATEWAY_RATE}; 0, the
 *                       default, turns the throttle off)
 * @param perSpaceMinute added per space of a facility's capacity (single-space sensors report under their facility)
 *                       and per mapped device for LoRaWAN/SenML aggregators ({@code PARKLEIT_INGEST_SPACE_RATE}, 6)
 * @param burst          how long a source may send at any rate before the budget applies: the bucket holds this
 *                       much of its budget ({@code PARKLEIT_INGEST_GATEWAY_BURST}, 30s)
 * @param maxTagged      distinct gateways the metric names; the rest count under {@code gateway="_other"}
 *                       ({@code PARKLEIT_INGEST_THROTTLE_TAGS}, 100)
 */
public record GatewayLimits(int perMinute, int perSpaceMinute, Duration burst, int maxTagged) {

    public static final GatewayLimits OFF = new GatewayLimits(0, 6, Duration.ofSeconds(30), 100);

    public GatewayLimits {
        Objects.requireNonNull(burst, "burst");
        if (perMinute < 0 || perSpaceMinute < 0) {
            throw new ConfigException("PARKLEIT_INGEST_GATEWAY_RATE and PARKLEIT_INGEST_SPACE_RATE must be >= 0");
        }
        if (burst.isNegative() || burst.isZero()) {
            throw new ConfigException("PARKLEIT_INGEST_GATEWAY_BURST must be positive, got " + burst);
        }
        if (maxTagged < 1 || maxTagged > 10_000) {
            throw new ConfigException("PARKLEIT_INGEST_THROTTLE_TAGS must be 1..10000, got " + maxTagged);
        }
    }

    /** A throttle with this many messages per minute for every gateway and the other defaults. */
    public static GatewayLimits perMinute(int n) {
        return new GatewayLimits(n, OFF.perSpaceMinute(), OFF.burst(), OFF.maxTagged());
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    /** Messages per minute of a source with this many spaces (facility capacity) or mapped devices. */
    public double budgetPerMinute(int spacesOrDevices) {
        return perMinute + (double) perSpaceMinute * Math.max(0, spacesOrDevices);
    }
}
