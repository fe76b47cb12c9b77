package de.parkleit.ingest.decode;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The native v1 payloads of docs/mqtt.md: facility occupancy, barrier counts, single-space
 * sensors and traffic detectors. Ids come from the topic, values from the JSON object.
 */
public final class NativeDecoder {

    /** Largest traffic interval a detector may report (one day). */
    static final int MAX_INTERVAL_S = 86_400;
    static final double MAX_SPEED_KMH = 400;

    private final int maxBytes;
    private final Function<String, Integer> capacityOf;

    /**
     * @param maxBytes   payload size limit
     * @param capacityOf configured capacity of a facility, null for unknown ids (turns {@code occupied} into free)
     */
    public NativeDecoder(int maxBytes, Function<String, Integer> capacityOf) {
        this.maxBytes = maxBytes;
        this.capacityOf = capacityOf;
    }

    public PayloadDecoder occupancy() {
        return (facility, sub, payload) -> List.of(occupancy(facility, JsonPayload.parseObject(payload, maxBytes)));
    }

    public PayloadDecoder counts() {
        return (facility, sub, payload) -> List.of(counts(facility, JsonPayload.parseObject(payload, maxBytes)));
    }

    public PayloadDecoder space() {
        return (facility, space, payload) -> {
            JsonPayload p = JsonPayload.parseObject(payload, maxBytes);
            return List.of(new SpaceReading(facility, space, p.requiredTimestamp("ts"), p.requiredBoolean("occupied")));
        };
    }

    public PayloadDecoder traffic() {
        return (detector, sub, payload) -> List.of(traffic(detector, JsonPayload.parseObject(payload, maxBytes)));
    }

    /** Occupancy from a JSON object with {@code free} or {@code occupied}, optional capacity and status. */
    public OccupancyReading occupancy(String facility, JsonPayload p) {
        return occupancy(facility, p, p.requiredTimestamp("ts"));
    }

    /** Occupancy whose time comes from elsewhere (an uplink's receive time). */
    public OccupancyReading occupancy(String facility, JsonPayload p, Instant ts) {
        Integer capacity = p.optionalInt("capacity");
        if (capacity != null && capacity <= 0) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "capacity must be > 0");
        }
        FacilityStatus status = status(p);
        int free;
        if (p.has("free")) {
            free = p.requiredInt("free");
        } else if (p.has("occupied")) {
            int occupied = p.requiredInt("occupied");
            Integer cap = capacity != null ? capacity : capacityOf.apply(facility);
            if (cap == null) {
                throw new RejectedException(RejectReason.UNKNOWN_FACILITY, "unknown facility " + facility);
            }
            free = cap - occupied;
        } else {
            throw new RejectedException(RejectReason.MISSING_FIELD, "occupancy needs \"free\" or \"occupied\"");
        }
        return new OccupancyReading(facility, ts, free, capacity, status);
    }

    private static FacilityStatus status(JsonPayload p) {
        String s = p.optionalString("status");
        if (s == null) {
            return null;
        }
        FacilityStatus st = FacilityStatus.parseOrNull(s);
        if (st != FacilityStatus.OPEN && st != FacilityStatus.CLOSED) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "status must be \"open\" or \"closed\"");
        }
        return st;
    }

    public CountsReading counts(String facility, JsonPayload p) {
        return counts(facility, p, p.requiredTimestamp("ts"), null);
    }

    /** Counts whose time comes from elsewhere; {@code defaultSeq} (a frame counter) applies when the values have no seq. */
    public CountsReading counts(String facility, JsonPayload p, Instant ts, Long defaultSeq) {
        int entered = p.requiredInt("entered");
        int exited = p.requiredInt("exited");
        long seq = defaultSeq != null ? defaultSeq : p.requiredLong("seq");
        if (entered < 0 || exited < 0 || seq < 0) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "entered, exited and seq must be >= 0");
        }
        return new CountsReading(facility, ts, entered, exited, seq);
    }

    public TrafficReading traffic(String detector, JsonPayload p) {
        return traffic(detector, p, p.requiredTimestamp("ts"));
    }

    public TrafficReading traffic(String detector, JsonPayload p, Instant ts) {
        int interval = p.requiredInt("intervalS");
        int count = p.requiredInt("count");
        Double speed = p.optionalDouble("speedKmh");
        Double occ = p.optionalDouble("occupancyPct");
        if (interval <= 0 || interval > MAX_INTERVAL_S) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "intervalS must be 1.." + MAX_INTERVAL_S);
        }
        if (count < 0) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "count must be >= 0");
        }
        if (speed != null && (speed < 0 || speed > MAX_SPEED_KMH)) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "speedKmh must be 0.." + MAX_SPEED_KMH);
        }
        if (occ != null && (occ < 0 || occ > 100)) {
            throw new RejectedException(RejectReason.OUT_OF_RANGE, "occupancyPct must be 0..100");
        }
        return new TrafficReading(detector, ts, interval, count, speed, occ);
    }
}
