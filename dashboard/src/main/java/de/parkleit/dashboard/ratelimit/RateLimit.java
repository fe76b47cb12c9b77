package de.parkleit.dashboard.ratelimit;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;

/**
 * Per-client request budget on the public API: a token bucket of {@code burst} tokens refilled at
 * {@code perMinute} per minute. Clients are told apart by address; behind a reverse proxy set
 * {@code trustForwardedFor} so the first {@code X-Forwarded-For} address counts.
 */
public record RateLimit(int perMinute, int burst, boolean trustForwardedFor) {

    public RateLimit {
        if (perMinute < 1) {
            throw new ConfigException("PARKLEIT_HTTP_RATE_LIMIT must be at least 1 request per minute, got " + perMinute);
        }
        if (burst < 1) {
            throw new ConfigException("PARKLEIT_HTTP_RATE_BURST must be at least 1, got " + burst);
        }
    }

    public static RateLimit fromEnv(Env env) {
        return new RateLimit(env.intInRange("PARKLEIT_HTTP_RATE_LIMIT", 600, 1, 1_000_000),
                env.intInRange("PARKLEIT_HTTP_RATE_BURST", 120, 1, 1_000_000),
                env.bool("PARKLEIT_HTTP_TRUST_PROXY", false));
    }

    public static RateLimit defaults() {
        return new RateLimit(600, 120, false);
    }
}
