package de.parkleit.platform.store;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.time.Duration;

/**
 * Tuning and retention shared by both store adapters.
 *
 * @param batchSize          points per HTTP write request ({@code PARKLEIT_STORE_BATCH_SIZE}, default 5000)
 * @param requestTimeout     timeout of one HTTP request to the store ({@code PARKLEIT_STORE_TIMEOUT}, default 10s)
 * @param visibilityTimeout  how long a query waits for writes acknowledged before it to become
 *                           visible ({@code PARKLEIT_STORE_VISIBILITY_TIMEOUT}, default 5s)
 * @param rawRetention       how long raw readings are kept ({@code PARKLEIT_STORE_RAW_RETENTION}, default 30d, whole days)
 * @param aggregateRetention how long 5-minute aggregates are kept ({@code PARKLEIT_STORE_AGGREGATE_RETENTION},
 *                           default 730d; QuestDB keeps whole months, 730d = 24 months)
 */
public record StoreOptions(int batchSize, Duration requestTimeout, Duration visibilityTimeout,
                           Duration rawRetention, Duration aggregateRetention) {

    public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_AGGREGATE_RETENTION = Duration.ofDays(730);

    public StoreOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new ConfigException("PARKLEIT_STORE_BATCH_SIZE must be between 1 and 100000, got " + batchSize);
        }
        requirePositive(requestTimeout, "PARKLEIT_STORE_TIMEOUT");
        if (visibilityTimeout == null || visibilityTimeout.isNegative()) {
            throw new ConfigException("PARKLEIT_STORE_VISIBILITY_TIMEOUT must not be negative");
        }
        requireDays(rawRetention, "PARKLEIT_STORE_RAW_RETENTION");
        requireDays(aggregateRetention, "PARKLEIT_STORE_AGGREGATE_RETENTION");
        if (aggregateRetention.compareTo(rawRetention) < 0) {
            throw new ConfigException("PARKLEIT_STORE_AGGREGATE_RETENTION (" + aggregateRetention.toDays()
                    + "d) must not be shorter than PARKLEIT_STORE_RAW_RETENTION (" + rawRetention.toDays() + "d)");
        }
    }

    /** Default retention (30 days raw, 730 days aggregates). */
    public StoreOptions(int batchSize, Duration requestTimeout, Duration visibilityTimeout) {
        this(batchSize, requestTimeout, visibilityTimeout, DEFAULT_RAW_RETENTION, DEFAULT_AGGREGATE_RETENTION);
    }

    public static StoreOptions defaults() {
        return new StoreOptions(5_000, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public static StoreOptions fromEnv(Env env) {
        StoreOptions d = defaults();
        return new StoreOptions(
                env.intInRange("PARKLEIT_STORE_BATCH_SIZE", d.batchSize(), 1, 100_000),
                env.duration("PARKLEIT_STORE_TIMEOUT", d.requestTimeout()),
                env.duration("PARKLEIT_STORE_VISIBILITY_TIMEOUT", d.visibilityTimeout()),
                env.duration("PARKLEIT_STORE_RAW_RETENTION", d.rawRetention()),
                env.duration("PARKLEIT_STORE_AGGREGATE_RETENTION", d.aggregateRetention()));
    }

    /** Aggregate retention in whole months (365 days = 12 months, rounded up), as QuestDB's monthly partitions need. */
    public long aggregateRetentionMonths() {
        return Math.max(1, (aggregateRetention.toDays() * 12 + 364) / 365);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(name + " must be a positive duration");
        }
    }

    private static void requireDays(Duration d, String name) {
        requirePositive(d, name);
        if (d.toSeconds() % 86_400 != 0) {
            throw new ConfigException(name + " must be a whole number of days like 30d, got " + d);
        }
    }
}
