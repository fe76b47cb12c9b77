package de.parkleit.platform.store;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.time.Duration;

/**
 * Tuning shared by both store adapters.
 *
 * @param batchSize         points per HTTP write request ({@code PARKLEIT_STORE_BATCH_SIZE}, default 5000)
 * @param requestTimeout    timeout of one HTTP request to the store ({@code PARKLEIT_STORE_TIMEOUT}, default 10s)
 * @param visibilityTimeout how long a query waits for writes acknowledged before it to become
 *                          visible ({@code PARKLEIT_STORE_VISIBILITY_TIMEOUT}, default 5s)
 */
public record StoreOptions(int batchSize, Duration requestTimeout, Duration visibilityTimeout) {

    public StoreOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new ConfigException("PARKLEIT_STORE_BATCH_SIZE must be between 1 and 100000, got " + batchSize);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigException("PARKLEIT_STORE_TIMEOUT must be a positive duration");
        }
        if (visibilityTimeout == null || visibilityTimeout.isNegative()) {
            throw new ConfigException("PARKLEIT_STORE_VISIBILITY_TIMEOUT must not be negative");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(5_000, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public static StoreOptions fromEnv(Env env) {
        StoreOptions d = defaults();
        return new StoreOptions(
                env.intInRange("PARKLEIT_STORE_BATCH_SIZE", d.batchSize(), 1, 100_000),
                env.duration("PARKLEIT_STORE_TIMEOUT", d.requestTimeout()),
                env.duration("PARKLEIT_STORE_VISIBILITY_TIMEOUT", d.visibilityTimeout()));
    }
}
