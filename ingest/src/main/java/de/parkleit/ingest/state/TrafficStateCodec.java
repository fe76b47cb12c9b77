package de.parkleit.ingest.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.reading.TrafficReading;
import java.nio.charset.StandardCharsets;

/**
 * JSON of the retained {@code state/traffic/{segment}} topics (segment = detector id):
 * {@code {"id":"D1","ts":"...","intervalS":60,"count":14,"flowPerHour":840,"speedKmh":31.5,"occupancyPct":12.0}}.
 */
public final class TrafficStateCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrafficStateCodec() {
    }

    public static byte[] encode(TrafficReading r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.detectorId());
        n.put("ts", r.ts().toString());
        n.put("intervalS", r.intervalS());
        n.put("count", r.count());
        n.put("flowPerHour", Math.round(r.count() * 3600.0 / r.intervalS()));
        if (r.speedKmh() == null) {
            n.putNull("speedKmh");
        } else {
            n.put("speedKmh", r.speedKmh());
        }
        if (r.occupancyPct() == null) {
            n.putNull("occupancyPct");
        } else {
            n.put("occupancyPct", r.occupancyPct());
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
