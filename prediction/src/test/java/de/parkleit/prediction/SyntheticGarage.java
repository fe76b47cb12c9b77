package de.parkleit.prediction;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * A made-up car park with a daily pattern: filling towards a midday peak on weekdays, a fuller and later peak on
 * Saturdays, a quiet Sunday; each day busier or quieter by a random factor, wandering noise within the day and a
 * little counting noise. Readings every five minutes, local time Europe/Berlin.
 */
final class SyntheticGarage {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private SyntheticGarage() {
    }

    /** {@code weeks} weeks from Monday {@code firstDay}, capacity {@code capacity}. */
    static OccupancySeries series(String id, int capacity, LocalDate firstDay, int weeks, long seed) {
        Random rnd = new Random(seed);
        OccupancySeries.Builder b = OccupancySeries.builder(id, capacity, ZONE);
        Instant start = firstDay.atStartOfDay(ZONE).toInstant();
        Instant end = firstDay.plusWeeks(weeks).atStartOfDay(ZONE).toInstant();
        double dayFactor = 1;
        double wander = 0;
        LocalDate day = null;
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(5))) {
            ZonedDateTime local = t.atZone(ZONE);
            if (!local.toLocalDate().equals(day)) {
                day = local.toLocalDate();
                dayFactor = 0.75 + 0.4 * rnd.nextDouble();
                wander = 0;
            }
            wander = 0.97 * wander + 0.01 * rnd.nextGaussian();
            double hour = local.getHour() + local.getMinute() / 60.0;
            double occupied = usual(local.getDayOfWeek(), hour) * dayFactor + wander;
            occupied = Math.max(0, Math.min(1, occupied));
            double free = Math.round(capacity * (1 - occupied) + rnd.nextGaussian());
            b.add(t, Math.max(0, Math.min(capacity, free)));
        }
        return b.build();
    }

    /** The usual occupied share at a local hour of a weekday. */
    static double usual(DayOfWeek d, double hour) {
        return switch (d) {
            case SATURDAY -> 0.05 + 0.9 * bump(hour, 13, 2.5);
            case SUNDAY -> 0.05 + 0.3 * bump(hour, 15, 3);
            default -> 0.05 + 0.7 * bump(hour, 12.5, 3.5);
        };
    }

    private static double bump(double hour, double peak, double width) {
        double z = (hour - peak) / width;
        return Math.exp(-z * z);
    }
}
