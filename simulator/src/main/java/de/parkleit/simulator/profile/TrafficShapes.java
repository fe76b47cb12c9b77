package de.parkleit.simulator.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * Vehicles per hour at a loop detector as a share of its busiest hour of the week (0..1), per
 * weekday and hour of local time, from the real Münster induction-loop counts (see
 * {@link TrafficShapeGenerator}). Read from the bundled resource {@value #RESOURCE}; a value stands
 * for the middle of its hour and values in between are interpolated linearly, wrapping from Sunday
 * night to Monday morning.
 */
public final class TrafficShapes {

    public static final String RESOURCE = "/de/parkleit/simulator/profile/traffic-shapes.csv";
    public static final int HOURS_PER_WEEK = 7 * 24;

    private final double[] week;

    /** @param week {@link #HOURS_PER_WEEK} shares of the peak hour, starting Monday 00:00–01:00 */
    public TrafficShapes(double[] week) {
        if (week.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("traffic shapes need " + HOURS_PER_WEEK + " values, got " + week.length);
        }
        for (double v : week) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("traffic shapes: share out of 0..1: " + v);
            }
        }
        this.week = week.clone();
    }

    /** The shape bundled with the simulator. */
    public static TrafficShapes bundled() {
        try (InputStream in = TrafficShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the CSV written by {@link TrafficShapeGenerator#render}: {@code weekday,h00..h23}, comments with '#'. */
    static TrafficShapes parse(String csv) throws IOException {
        double[] w = new double[HOURS_PER_WEEK];
        int rows = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("weekday")) {
                    continue;
                }
                String[] p = line.split(",");
                if (p.length != 25) {
                    throw new IllegalArgumentException("traffic shapes: expected weekday and 24 values, got: " + line);
                }
                int day = Integer.parseInt(p[0].trim()) - 1;
                for (int h = 0; h < 24; h++) {
                    w[day * 24 + h] = Double.parseDouble(p[h + 1].trim());
                }
                rows++;
            }
        }
        if (rows != 7) {
            throw new IllegalArgumentException("traffic shapes: expected 7 weekday rows, got " + rows);
        }
        return new TrafficShapes(w);
    }

    /** Share of the peak hour's flow at a local time. */
    public double share(LocalDateTime t) {
        double hourOfWeek = (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour() + t.getMinute() / 60.0
                + t.getSecond() / 3600.0 - 0.5;
        double pos = ((hourOfWeek % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return week[i] * (1 - f) + week[(i + 1) % HOURS_PER_WEEK] * f;
    }

    /** The value of one weekday (1 = Monday) and hour. */
    public double at(int weekday, int hour) {
        return week[(weekday - 1) * 24 + hour];
    }
}
