package de.parkleit.core.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.nio.charset.StandardCharsets;

/** Encodes readings as native v1 payloads (what a gateway publishes). Decoding lives in ingest. */
public final class ReadingCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReadingCodec() {
    }

    public static byte[] encode(Reading reading) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ts", reading.ts().toString());
        if (reading instanceof OccupancyReading o) {
            n.put("free", o.free());
            if (o.capacity() != null) {
                n.put("capacity", o.capacity());
            }
            if (o.status() != null) {
                n.put("status", o.status().wireName());
            }
        } else if (reading instanceof CountsReading c) {
            n.put("entered", c.entered());
            n.put("exited", c.exited());
            n.put("seq", c.seq());
        } else if (reading instanceof SpaceReading s) {
            n.put("occupied", s.occupied());
        } else if (reading instanceof TrafficReading t) {
            n.put("intervalS", t.intervalS());
            n.put("count", t.count());
            if (t.speedKmh() != null) {
                n.put("speedKmh", t.speedKmh());
            }
            if (t.occupancyPct() != null) {
                n.put("occupancyPct", t.occupancyPct());
            }
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
