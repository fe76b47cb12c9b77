package de.parkleit.prediction;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Five-minute time slots and their local calendar. Slot {@code n} covers {@code [n * 300 s, (n + 1) * 300 s)} since
 * the epoch (UTC), so slots never repeat or vanish at daylight-saving changes; weekday and time of day are read in
 * the facility's zone, and "the same time k weeks earlier" is taken in local time.
 */
public final class SlotClock {

    /** Length of one slot in seconds. */
    public static final int SLOT_SECONDS = 300;
    /** Slots in one local day without a daylight-saving change. */
    public static final int SLOTS_PER_DAY = 24 * 3600 / SLOT_SECONDS;
    /** Slots in one week without a daylight-saving change. */
    public static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final OffsetPeriod[] periods = new OffsetPeriod[4];
    private int cursor;

    public SlotClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The slot containing {@code t}. */
    public static long slotOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), SLOT_SECONDS);
    }

    /** Start of slot {@code slot}. */
    public static Instant startOf(long slot) {
        return Instant.ofEpochSecond(slot * SLOT_SECONDS);
    }

    /** Local date and time of the start of a slot. */
    public LocalDateTime local(long slot) {
        Instant t = startOf(slot);
        return LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, rules.getOffset(t));
    }

    public DayOfWeek dayOfWeek(long slot) {
        return local(slot).getDayOfWeek();
    }

    /** Local minute of the day (0..1439) at the start of a slot. */
    public int minuteOfDay(long slot) {
        long localSeconds = localSeconds(slot);
        return (int) (Math.floorMod(localSeconds, 86_400L) / 60);
    }

    /** True if the slot starts in [fromMinute, toMinute) local time of day. */
    public boolean inLocalWindow(long slot, int fromMinute, int toMinute) {
        int m = minuteOfDay(slot);
        return m >= fromMinute && m < toMinute;
    }

    /**
     * The slot at the same local weekday and time of day {@code weeks} weeks earlier. Across a daylight-saving
     * change this differs from {@code slot - weeks * SLOTS_PER_WEEK} by one hour.
     */
    public long weeksBefore(long slot, int weeks) {
        return daysBefore(slot, 7 * weeks);
    }

    /** The slot at the same local time of day {@code days} days earlier. */
    public long daysBefore(long slot, int days) {
        long localTarget = localSeconds(slot) - (long) days * SLOTS_PER_DAY * SLOT_SECONDS;
        long guess = localTarget - offsetSeconds(slot - (long) days * SLOTS_PER_DAY);
        long corrected = localTarget - offsetSeconds(Math.floorDiv(guess, SLOT_SECONDS));
        return Math.floorDiv(corrected, SLOT_SECONDS);
    }

    private long localSeconds(long slot) {
        return slot * SLOT_SECONDS + offsetSeconds(slot);
    }

    /**
     * UTC offset at the start of a slot. Forecasters ask for the same few offset periods over and over (now and
     * the same time some weeks ago), so the last periods looked up are kept; a race between threads only costs a
     * repeated lookup, as the entries are immutable.
     */
    private int offsetSeconds(long slot) {
        OffsetPeriod[] cache = periods;
        for (OffsetPeriod p : cache) {
            if (p != null && slot >= p.fromSlot && slot < p.toSlot) {
                return p.offsetSeconds;
            }
        }
        Instant t = startOf(slot);
        ZoneOffset offset = rules.getOffset(t);
        ZoneOffsetTransition previous = rules.previousTransition(t.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        long from = previous == null ? Long.MIN_VALUE : Math.floorDiv(previous.toEpochSecond(), SLOT_SECONDS);
        long to = next == null ? Long.MAX_VALUE : Math.floorDiv(next.toEpochSecond(), SLOT_SECONDS);
        if (previous != null && previous.toEpochSecond() % SLOT_SECONDS != 0
                || next != null && next.toEpochSecond() % SLOT_SECONDS != 0) {
            return offset.getTotalSeconds();
        }
        cache[Math.floorMod(cursor++, cache.length)] = new OffsetPeriod(from, to, offset.getTotalSeconds());
        return offset.getTotalSeconds();
    }

    /** Slots [fromSlot, toSlot) share one UTC offset. */
    private record OffsetPeriod(long fromSlot, long toSlot, int offsetSeconds) {
    }
}
