package de.parkleit.platform.testing;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.StoreEvent;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link InMemoryStore} that takes every write at once and keeps nothing, only counting: for the
 * benchmarks, to separate the measured path from the store's load. Queries are checked like every
 * store's and answer what was kept: nothing. {@link #setDown(boolean)} still refuses writes. A
 * benchmark that needs canned history extends it and overrides the query it answers.
 */
public class DiscardingStore extends InMemoryStore {

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    @Override
    public void write(Collection<? extends Reading> batch) {
        super.write(List.of()); // counts the call and refuses it while down
        readings.addAndGet(batch.size());
    }

    @Override
    public void writeEvents(Collection<? extends StoreEvent> batch) {
        super.writeEvents(List.of());
        events.addAndGet(batch.size());
    }

    /** Readings taken (and dropped) so far. */
    public long readingsDiscarded() {
        return readings.get();
    }

    /** Events taken (and dropped) so far. */
    public long eventsDiscarded() {
        return events.get();
    }

    @Override
    public String name() {
        return "discarding";
    }
}
