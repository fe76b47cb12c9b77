package de.parkleit.routing.guidance.service;

import de.parkleit.core.reading.Reading;
import de.parkleit.platform.store.OccupancyBucket;
import de.parkleit.platform.store.StoreEvent;
import de.parkleit.platform.store.StoreUnavailableException;
import de.parkleit.platform.store.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A store that keeps the events written to it in memory, and can be switched off. */
final class RecordingStore implements TimeSeriesStore {

    private final List<StoreEvent> events = new ArrayList<>();
    private volatile boolean down;

    synchronized List<StoreEvent> events() {
        return List.copyOf(events);
    }

    void down(boolean d) {
        down = d;
    }

    @Override
    public synchronized void writeEvents(Collection<? extends StoreEvent> batch) {
        if (down) {
            throw new StoreUnavailableException("test store is down", null);
        }
        events.addAll(batch);
    }

    @Override
    public void write(Collection<? extends Reading> readings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OccupancyBucket> occupancyHistory(String facilityId, Instant from, Instant to, Duration step) {
        return List.of();
    }

    @Override
    public long countOccupancy(String facilityId, Instant from, Instant to) {
        return 0;
    }

    @Override
    public boolean isHealthy() {
        return !down;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void close() {
    }
}
