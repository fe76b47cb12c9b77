package de.parkleit.platform.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A validated history request range: [from, to) in buckets of {@code step}. Steps come from a fixed
 * list (each divides a day, so buckets align to UTC midnight in both stores); the range is capped at
 * {@link #MAX_RANGE} and {@link #MAX_BUCKETS} buckets per series, so no request scans years at fine
 * resolution. Buckets are whole: {@code from} is floored and {@code to} ceiled to the step (UTC), so
 * raw data and the 5-minute aggregates give the same answer. Invalid values throw
 * {@link IllegalArgumentException} naming the parameter.
 */
public record HistoryWindow(Instant from, Instant to, Duration step) {

    /** The allowed steps, finest first. */
    public static final List<Duration> STEPS = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
    /** Aggregates are kept at this resolution beyond raw retention; steps that are multiples of it read them. */
    public static final Duration AGGREGATE_STEP = Duration.ofMinutes(5);
    public static final Duration MAX_RANGE = Duration.ofDays(2 * 366);
    public static final long MAX_BUCKETS = 50_000;

    public HistoryWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (!STEPS.contains(step)) {
            throw new IllegalArgumentException("step must be one of " + stepNames() + ", got " + step);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got from=" + from + " to=" + to);
        }
        from = floor(from, step);
        to = ceil(to, step);
        Duration range = Duration.between(from, to);
        if (range.compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("range from..to must be at most " + MAX_RANGE.toDays() + " days, got "
                    + range.toDays() + " days");
        }
        long buckets = (range.toSeconds() + step.toSeconds() - 1) / step.toSeconds();
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("range / step gives " + buckets + " buckets, at most " + MAX_BUCKETS
                    + " allowed: choose a coarser step or a shorter range");
        }
    }

    /** {@code t} rounded down to a multiple of {@code step} since the epoch. */
    public static Instant floor(Instant t, Duration step) {
        long s = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
    }

    /** {@code t} rounded up to a multiple of {@code step} since the epoch. */
    public static Instant ceil(Instant t, Duration step) {
        Instant f = floor(t, step);
        return f.equals(t) ? f : f.plus(step);
    }

    /** Number of buckets in the window. */
    public long buckets() {
        long s = step.toSeconds();
        return (Duration.between(from, to).toSeconds() + s - 1) / s;
    }

    /** True if buckets can be computed from the 5-minute aggregates. */
    public boolean fromAggregates() {
        return step.toSeconds() % AGGREGATE_STEP.toSeconds() == 0;
    }

    /** Steps as written in requests: 1m, 5m, 1h, 1d. */
    public static List<String> stepNames() {
        return STEPS.stream().map(HistoryWindow::stepName).toList();
    }

    public static String stepName(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return s / 60 + "m";
    }

    /** Parses a step name from {@link #stepNames()}; throws naming the allowed values otherwise. */
    public static Duration parseStep(String s) {
        for (Duration d : STEPS) {
            if (stepName(d).equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("step must be one of " + stepNames());
    }
}
