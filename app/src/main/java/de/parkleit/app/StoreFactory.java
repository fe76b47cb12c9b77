package de.parkleit.app;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.questdb.EmbeddedQuestDb;
import de.parkleit.platform.store.questdb.QuestDbStore;
import java.util.List;

/**
 * Opens the configured store: InfluxDB 2 when {@code PARKLEIT_INFLUX_URL} is set, an external QuestDB when
 * {@code PARKLEIT_QUESTDB_URL} is set, else the embedded QuestDB on the data folder.
 */
final class StoreFactory {

    private StoreFactory() {
    }

    static TimeSeriesStore open(AppConfig cfg, Env env, List<AutoCloseable> owned) {
        StoreOptions options = StoreOptions.fromEnv(env);
        if (cfg.influxUrl().isPresent()) {
            throw new ConfigException(AppConfig.INFLUX_URL + " is set, but this build has no InfluxDB adapter yet; unset it to use the embedded QuestDB");
        }
        if (cfg.questDbUrl().isPresent()) {
            TimeSeriesStore external = QuestDbStore.open(cfg.questDbUrl().get(), options);
            owned.add(external);
            return external;
        }
        EmbeddedQuestDb db = EmbeddedQuestDb.start(cfg.dataDir().resolve("questdb"), cfg.questDbHttpPort());
        TimeSeriesStore store = QuestDbStore.openOwning(db, options);
        owned.add(store);
        return store;
    }
}
