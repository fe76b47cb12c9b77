package de.parkleit.ingest.state;

import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The newest interval of every traffic detector: late or repeated intervals do not replace it. */
public final class TrafficStates {

    private final Map<String, Instant> newest = new HashMap<>();

    /** Returns the reading if it is the detector's newest, i.e. the one to publish. */
    public Optional<TrafficReading> apply(TrafficReading r) {
        Instant prev = newest.get(r.detectorId());
        if (prev != null && !r.ts().isAfter(prev)) {
            return Optional.empty();
        }
        newest.put(r.detectorId(), r.ts());
        return Optional.of(r);
    }
}
