package de.parkleit.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import de.parkleit.platform.store.TimeSeriesStoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store contract over the tests' in-memory store, plus its outage switch. */
class InMemoryStoreContractTest extends TimeSeriesStoreContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected TimeSeriesStore store() {
        return store;
    }

    @Test
    void refusesWritesWhileDownAndKeepsWhatWasWrittenBefore() {
        String p = id("P");
        OccupancyReading before = new OccupancyReading(p, T0, 3, null, null);
        store.write(List.of(before, new SpaceReading(p, "s1", T0, true), new SpaceReading(p, "s2", T0, false)));
        store.setDown(true);

        assertThat(store.isHealthy()).isFalse();
        assertThatThrownBy(() -> store.write(List.of(new OccupancyReading(p, T0.plusSeconds(60), 4, null, null))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.writeEvents(List.of(new GuidanceIssued(T0, "r1", p, 0.5))))
                .isInstanceOf(StoreUnavailableException.class);
        store.setDown(false);

        assertThat(store.refusedCalls()).isEqualTo(2);
        assertThat(store.writeCalls()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.events()).isEmpty();
        assertThat(store.occupancy(p)).containsExactly(before);
        assertThat(store.writeLog()).containsExactly(InMemoryStore.key(before),
                InMemoryStore.key(new SpaceReading(p, "s1", T0, true)), InMemoryStore.key(new SpaceReading(p, "s2", T0, false)));
    }
}
