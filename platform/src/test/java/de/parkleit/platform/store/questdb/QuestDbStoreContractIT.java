package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.StoreOptions;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TimeSeriesStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over embedded QuestDB on a temp folder and a free port. */
class QuestDbStoreContractIT extends TimeSeriesStoreContract {

    @TempDir
    static Path dir;
    static QuestDbStore store;

    @BeforeAll
    static void start() {
        store = QuestDbStore.openOwning(EmbeddedQuestDb.start(dir, 0), StoreOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected TimeSeriesStore store() {
        return store;
    }
}
