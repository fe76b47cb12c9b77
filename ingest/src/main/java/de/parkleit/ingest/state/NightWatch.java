package de.parkleit.ingest.state;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the highest free count of each night (01:00 to 05:00 local time) of one facility, to
 * notice counter drift that stays inside 0..capacity: a garage that empties every night but whose
 * counter-derived nights stop returning to that level.
 */
final class NightWatch {

    static final int NIGHT_START_HOUR = 1;
    static final int NIGHT_END_HOUR = 5;
    private static final int MEMORY = 8;
    private static final int MIN_REFERENCE_NIGHTS = 3;

    /** A completed night: its local date (epoch day), highest free count, and whether only counters fed it. */
    private record Night(long day, int maxFree, boolean counterOnly) {
    }

    private final ZoneId zone;
    private final int tolerance;
    private final ArrayDeque<Night> nights = new ArrayDeque<>();
    private long currentDay = Long.MIN_VALUE;
    private int currentMax;
    private boolean currentCounterOnly;

    NightWatch(ZoneId zone, int capacity, double driftShare) {
        this.zone = zone;
        this.tolerance = Math.max(1, (int) Math.round(driftShare * capacity));
    }

    void observe(Instant ts, int free, boolean counterDerived) {
        ZonedDateTime z = ts.atZone(zone);
        if (z.getHour() < NIGHT_START_HOUR || z.getHour() >= NIGHT_END_HOUR) {
            return;
        }
        long day = z.toLocalDate().toEpochDay();
        if (day < currentDay || (!nights.isEmpty() && day <= nights.peekLast().day())) {
            return;
        }
        if (day != currentDay) {
            close();
            currentDay = day;
            currentMax = free;
            currentCounterOnly = counterDerived;
        } else {
            currentMax = Math.max(currentMax, free);
            currentCounterOnly &= counterDerived;
        }
    }

    /**
     * True when the last two completed nights were fed by counters only and both stayed more than
     * the tolerance below the usual night level (the highest of at least three earlier nights).
     */
    boolean driftedBy(Instant now) {
        ZonedDateTime z = now.atZone(zone);
        long today = z.toLocalDate().toEpochDay();
        if (currentDay != Long.MIN_VALUE && (currentDay < today || z.getHour() >= NIGHT_END_HOUR)) {
            close();
        }
        List<Night> list = new ArrayList<>(nights);
        if (list.size() < MIN_REFERENCE_NIGHTS + 2) {
            return false;
        }
        Night last = list.get(list.size() - 1);
        Night before = list.get(list.size() - 2);
        int usual = list.subList(0, list.size() - 2).stream().mapToInt(Night::maxFree).max().orElse(0);
        return last.counterOnly() && before.counterOnly()
                && last.maxFree() < usual - tolerance && before.maxFree() < usual - tolerance;
    }

    private void close() {
        if (currentDay == Long.MIN_VALUE) {
            return;
        }
        nights.addLast(new Night(currentDay, currentMax, currentCounterOnly));
        while (nights.size() > MEMORY) {
            nights.removeFirst();
        }
        currentDay = Long.MIN_VALUE;
    }
}
