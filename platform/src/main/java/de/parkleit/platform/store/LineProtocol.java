package de.parkleit.platform.store;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;

/**
 * Encodes readings as InfluxDB line protocol with microsecond timestamps, the one write format of
 * both adapters. Tags are ids only (already restricted to {@code [A-Za-z0-9_-]}, so they need no
 * escaping); values are fields; string fields are escaped.
 */
public final class LineProtocol {

    private LineProtocol() {
    }

    /** Appends one line (with trailing newline) for {@code r}. */
    public static void append(StringBuilder sb, Reading r) {
        if (r instanceof OccupancyReading o) {
            occupancy(sb, o);
        } else if (r instanceof CountsReading c) {
            sb.append(Measurement.PARKING_COUNTS.table()).append(",facility=").append(c.facilityId())
                    .append(" entered=").append(c.entered()).append("i,exited=").append(c.exited())
                    .append("i,seq=").append(c.seq()).append('i');
        } else if (r instanceof SpaceReading s) {
            sb.append(Measurement.SPACE_OCCUPANCY.table()).append(",facility=").append(s.facilityId())
                    .append(",space=").append(s.spaceId()).append(" occupied=").append(s.occupied() ? 't' : 'f');
        } else if (r instanceof TrafficReading t) {
            traffic(sb, t);
        } else {
            throw new IllegalArgumentException("unknown reading type " + r.getClass().getName());
        }
        timestamp(sb, r.ts());
    }

    /** Appends one line (with trailing newline) for an event. */
    public static void append(StringBuilder sb, StoreEvent e) {
        if (e instanceof GuidanceIssued g) {
            sb.append(Measurement.GUIDANCE_ISSUED.table()).append(",facility=").append(g.facilityId())
                    .append(",request=").append(g.requestId()).append(" probability_free=").append(g.probabilityFree());
        } else if (e instanceof SignDisplay d) {
            sb.append(Measurement.SIGN_DISPLAY.table()).append(",sign=").append(d.signId()).append(" text=");
            string(sb, d.text());
        } else {
            throw new IllegalArgumentException("unknown event type " + e.getClass().getName());
        }
        timestamp(sb, e.ts());
    }

    private static void occupancy(StringBuilder sb, OccupancyReading o) {
        sb.append(Measurement.PARKING_OCCUPANCY.table()).append(",facility=").append(o.facilityId())
                .append(" free=").append(o.free()).append('i');
        if (o.capacity() != null) {
            sb.append(",capacity=").append(o.capacity().intValue()).append('i');
        }
        if (o.status() != null) {
            sb.append(",status=");
            string(sb, o.status().wireName());
        }
    }

    private static void traffic(StringBuilder sb, TrafficReading t) {
        sb.append(Measurement.TRAFFIC.table()).append(",detector=").append(t.detectorId())
                .append(" interval_s=").append(t.intervalS()).append("i,count=").append(t.count()).append('i');
        optionalDouble(sb, "speed_kmh", t.speedKmh());
        optionalDouble(sb, "occupancy_pct", t.occupancyPct());
    }

    private static void optionalDouble(StringBuilder sb, String field, Double v) {
        if (v != null && Double.isFinite(v)) {
            sb.append(',').append(field).append('=').append(v.doubleValue());
        }
    }

    /** A string field value: quoted, with {@code "} and {@code \} escaped and line breaks replaced. */
    public static void string(StringBuilder sb, String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"', '\\' -> sb.append('\\').append(ch);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        sb.append('"');
    }

    /** Appends a space, the timestamp in microseconds since the epoch, and a newline. */
    public static void timestamp(StringBuilder sb, Instant ts) {
        sb.append(' ').append(micros(ts)).append('\n');
    }

    public static long micros(Instant ts) {
        return Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000L), ts.getNano() / 1_000);
    }
}
