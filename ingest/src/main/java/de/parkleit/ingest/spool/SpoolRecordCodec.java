package de.parkleit.ingest.spool;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Binary form of a batch of readings in the spool: a count, then per reading a type byte and its fields. */
public final class SpoolRecordCodec {

    private static final byte OCCUPANCY = 1;
    private static final byte COUNTS = 2;
    private static final byte SPACE = 3;
    private static final byte TRAFFIC = 4;

    private SpoolRecordCodec() {
    }

    public static byte[] encode(Collection<? extends Reading> readings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + readings.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(readings.size());
            for (Reading r : readings) {
                write(out, r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Reading r) throws IOException {
        if (r instanceof OccupancyReading o) {
            out.writeByte(OCCUPANCY);
            head(out, o.facilityId(), o.ts());
            out.writeInt(o.free());
            out.writeInt(o.capacity() == null ? -1 : o.capacity());
            out.writeByte(o.status() == null ? -1 : o.status().ordinal());
        } else if (r instanceof CountsReading c) {
            out.writeByte(COUNTS);
            head(out, c.facilityId(), c.ts());
            out.writeInt(c.entered());
            out.writeInt(c.exited());
            out.writeLong(c.seq());
        } else if (r instanceof SpaceReading s) {
            out.writeByte(SPACE);
            head(out, s.facilityId(), s.ts());
            out.writeUTF(s.spaceId());
            out.writeBoolean(s.occupied());
        } else if (r instanceof TrafficReading t) {
            out.writeByte(TRAFFIC);
            head(out, t.detectorId(), t.ts());
            out.writeInt(t.intervalS());
            out.writeInt(t.count());
            optional(out, t.speedKmh());
            optional(out, t.occupancyPct());
        }
    }

    private static void head(DataOutputStream out, String id, Instant ts) throws IOException {
        out.writeUTF(id);
        out.writeLong(ts.getEpochSecond());
        out.writeInt(ts.getNano());
    }

    private static void optional(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        out.writeDouble(d == null ? 0 : d);
    }

    public static List<Reading> decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int n = in.readInt();
            List<Reading> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(read(in));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt spool record", e);
        }
    }

    private static Reading read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        String id = in.readUTF();
        Instant ts = Instant.ofEpochSecond(in.readLong(), in.readInt());
        switch (type) {
            case OCCUPANCY: {
                int free = in.readInt();
                int cap = in.readInt();
                byte st = in.readByte();
                return new OccupancyReading(id, ts, free, cap < 0 ? null : cap, st < 0 ? null : FacilityStatus.values()[st]);
            }
            case COUNTS:
                return new CountsReading(id, ts, in.readInt(), in.readInt(), in.readLong());
            case SPACE:
                return new SpaceReading(id, in.readUTF(), ts, in.readBoolean());
            case TRAFFIC: {
                int interval = in.readInt();
                int count = in.readInt();
                Double speed = optional(in);
                return new TrafficReading(id, ts, interval, count, speed, optional(in));
            }
            default:
                throw new IOException("unknown reading type " + type);
        }
    }

    private static Double optional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        double d = in.readDouble();
        return present ? d : null;
    }
}
