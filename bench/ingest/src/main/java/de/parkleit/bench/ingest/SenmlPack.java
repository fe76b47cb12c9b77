package de.parkleit.bench.ingest;

import de.parkleit.core.reading.OccupancyReading;
import java.nio.charset.StandardCharsets;

/**
 * A SenML pack (RFC 8428) of facility occupancy readings as a parking guidance central or a
 * multi-garage gateway sends it: {@code bn} {@code parkleit:facility:} and {@code bt} the first
 * reading's time on the first record, then one record {@code {"n":"F12:free","t":dt,"v":free}}
 * per reading, each with its own time offset. Times are whole seconds (the bench's readings are).
 */
final class SenmlPack {

    private final StringBuilder json = new StringBuilder(64 * 16);
    private long bt;
    private int size;

    void add(OccupancyReading r) {
        long t = r.ts().getEpochSecond();
        if (size == 0) {
            bt = t;
            json.append("[{\"bn\":\"parkleit:facility:\",\"bt\":").append(t).append(",\"n\":\"");
        } else {
            json.append(",{\"n\":\"");
        }
        json.append(r.facilityId()).append(":free\"");
        if (size > 0) {
            json.append(",\"t\":").append(t - bt);
        }
        json.append(",\"v\":").append(r.free()).append('}');
        size++;
    }

    int size() {
        return size;
    }

    /** The pack so far as UTF-8 JSON; starts a new, empty pack. */
    byte[] take() {
        byte[] out = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        json.setLength(0);
        size = 0;
        return out;
    }
}
