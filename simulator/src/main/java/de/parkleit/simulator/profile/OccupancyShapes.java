package de.parkleit.simulator.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Occupied share of capacity (0..1) per {@link ShapeKind}, weekday and 5-minute slot of local
 * time: one week of 2016 values per kind. Read from the bundled resource {@value #RESOURCE}
 * (written by {@link ShapeGenerator}); values between slots are interpolated linearly, and the
 * week wraps from Sunday night to Monday morning.
 */
public final class OccupancyShapes {

    public static final String RESOURCE = "/de/parkleit/simulator/profile/occupancy-shapes.csv";
    public static final int SLOT_MINUTES = 5;
    public static final int SLOTS_PER_DAY = 24 * 60 / SLOT_MINUTES;
    public static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;

    private final Map<ShapeKind, double[]> weeks;

    /** @param weeks per kind, {@link #SLOTS_PER_WEEK} shares starting Monday 00:00 */
    public OccupancyShapes(Map<ShapeKind, double[]> weeks) {
        EnumMap<ShapeKind, double[]> copy = new EnumMap<>(ShapeKind.class);
        for (ShapeKind k : ShapeKind.values()) {
            double[] w = weeks.get(k);
            if (w == null || w.length != SLOTS_PER_WEEK) {
                throw new IllegalArgumentException("occupancy shapes: kind " + k.wireName() + " needs " + SLOTS_PER_WEEK + " values");
            }
            for (double v : w) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("occupancy shapes: kind " + k.wireName() + " has share out of 0..1: " + v);
                }
            }
            copy.put(k, w.clone());
        }
        this.weeks = copy;
    }

    /** The shapes bundled with the simulator. */
    public static OccupancyShapes bundled() {
        try (InputStream in = OccupancyShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Occupied share at a local date-time, interpolated between slots. */
    public double share(ShapeKind kind, LocalDateTime local) {
        double minuteOfWeek = (local.getDayOfWeek().getValue() - 1) * 1440.0
                + local.getHour() * 60 + local.getMinute() + local.getSecond() / 60.0 + local.getNano() / 6e10;
        return shareAtMinuteOfWeek(kind, minuteOfWeek);
    }

    /** Occupied share at a minute of the week (0 = Monday 00:00; wraps). */
    public double shareAtMinuteOfWeek(ShapeKind kind, double minuteOfWeek) {
        double[] w = weeks.get(kind);
        double pos = Math.floorMod((long) Math.floor(minuteOfWeek * 1000), 7L * 1440 * 1000) / 1000.0 / SLOT_MINUTES;
        int i = (int) pos;
        double f = pos - i;
        return w[i % SLOTS_PER_WEEK] * (1 - f) + w[(i + 1) % SLOTS_PER_WEEK] * f;
    }

    /** The slot value itself (no interpolation). */
    public double slot(ShapeKind kind, DayOfWeek day, int slotOfDay) {
        return weeks.get(kind)[(day.getValue() - 1) * SLOTS_PER_DAY + slotOfDay];
    }

    /** Writes the CSV form: comment lines, a header, then one line per kind and weekday with 288 shares. */
    public void write(Writer out, String... comments) throws IOException {
        for (String c : comments) {
            out.write("# " + c + "\n");
        }
        out.write("kind,weekday,shares_from_00:00_every_5_min\n");
        for (ShapeKind k : ShapeKind.values()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                StringBuilder sb = new StringBuilder(k.wireName()).append(',').append(d.getValue());
                for (int s = 0; s < SLOTS_PER_DAY; s++) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.3f", slot(k, d, s)));
                }
                out.write(sb.append('\n').toString());
            }
        }
    }

    public static OccupancyShapes parse(Reader reader) throws IOException {
        Map<ShapeKind, double[]> weeks = new EnumMap<>(ShapeKind.class);
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("kind,")) {
                continue;
            }
            String[] p = line.split(",");
            if (p.length != 2 + SLOTS_PER_DAY) {
                throw new IllegalArgumentException("occupancy shapes line " + n + ": expected " + (2 + SLOTS_PER_DAY) + " fields, got " + p.length);
            }
            double[] w = weeks.computeIfAbsent(ShapeKind.parse(p[0]), k -> new double[SLOTS_PER_WEEK]);
            int day = Integer.parseInt(p[1].trim());
            for (int s = 0; s < SLOTS_PER_DAY; s++) {
                w[(day - 1) * SLOTS_PER_DAY + s] = Double.parseDouble(p[2 + s]);
            }
        }
        return new OccupancyShapes(weeks);
    }
}
