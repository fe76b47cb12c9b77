package de.parkleit.platform.store;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.store.influx.InfluxConfig;
import de.parkleit.platform.store.influx.InfluxDbStore;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbConfig;
import de.parkleit.platform.store.questdb.QuestDbStore;
import java.util.Objects;

/**
 * Which store a process uses: InfluxDB 2 when {@code PARKLEIT_INFLUX_URL} is set (see
 * {@link InfluxConfig}), a running QuestDB when {@code PARKLEIT_QUESTDB_URL} is set (several
 * instances can share one), else QuestDB embedded in this JVM on {@code $PARKLEIT_DATA_DIR/questdb}.
 *
 * @param questDb  embedded QuestDB settings (kind {@code questdb-embedded})
 * @param questDbUrl external QuestDB HTTP URL (kind {@code questdb}), else null
 * @param influx   InfluxDB settings (kind {@code influxdb}), else null
 */
public record StoreConfig(Kind kind, QuestDbConfig questDb, String questDbUrl, InfluxConfig influx, StoreOptions options) {

    public enum Kind {
        QUESTDB_EMBEDDED, QUESTDB, INFLUXDB
    }

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        switch (kind) {
            case QUESTDB_EMBEDDED -> Objects.requireNonNull(questDb, "questDb");
            case QUESTDB -> {
                if (questDbUrl == null) {
                    throw new ConfigException("PARKLEIT_QUESTDB_URL must be set for an external QuestDB");
                }
            }
            case INFLUXDB -> Objects.requireNonNull(influx, "influx");
        }
    }

    public static StoreConfig fromEnv(Env env) {
        boolean influx = env.raw("PARKLEIT_INFLUX_URL").isPresent();
        boolean questDb = env.raw("PARKLEIT_QUESTDB_URL").isPresent();
        if (influx && questDb) {
            throw new ConfigException("set either PARKLEIT_INFLUX_URL or PARKLEIT_QUESTDB_URL, not both");
        }
        Kind kind = influx ? Kind.INFLUXDB : questDb ? Kind.QUESTDB : Kind.QUESTDB_EMBEDDED;
        StoreOptions options = StoreOptions.fromEnv(env);
        return switch (kind) {
            case QUESTDB_EMBEDDED -> new StoreConfig(kind, QuestDbConfig.fromEnv(env), null, null, options);
            case QUESTDB -> new StoreConfig(kind, null, env.httpUrl("PARKLEIT_QUESTDB_URL").orElse(null), null, options);
            case INFLUXDB -> new StoreConfig(kind, null, null, InfluxConfig.fromEnv(env), options);
        };
    }

    /** Starts (embedded) or connects to the configured store; blocks, call it off the event loop. */
    public TimeSeriesStore open() {
        return switch (kind) {
            case QUESTDB_EMBEDDED -> QuestDbStore.openOwning(EmbeddedQuestDb.start(questDb), options);
            case QUESTDB -> QuestDbStore.open(questDbUrl, options);
            case INFLUXDB -> InfluxDbStore.open(influx, options);
        };
    }
}
