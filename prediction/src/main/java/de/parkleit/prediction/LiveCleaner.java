package de.parkleit.prediction;

/**
 * {@link CleaningRules} applied reading by reading, as they arrive, for one facility: a value above the capacity is
 * dropped; a bare 0 counts only after a near-full reading and for at most {@code maxFullRunMinutes}; a daytime run
 * of one non-zero value is dropped, back to its start, once it has lasted {@code frozenMinutes}, and stays dropped
 * until the value changes. Unlike {@link SeriesCleaner} it cannot see ahead: a frozen run counts until it is
 * recognised. Not thread-safe.
 */
final class LiveCleaner {

    private final CleaningRules rules;
    private long lastNonZeroSlot = Long.MIN_VALUE;
    private double lastNonZero = Double.NaN;
    private long zeroRunStart = Long.MIN_VALUE;
    private boolean zeroRunKept;
    private double runValue = Double.NaN;
    private long runStart = Long.MIN_VALUE;
    private long lastRunSlot = Long.MIN_VALUE;
    private long dayStretchStart = Long.MIN_VALUE;
    private boolean frozen;

    LiveCleaner(CleaningRules rules) {
        this.rules = rules;
    }

    /**
     * Records a reading in {@code history} (which moves to its slot) as the value the rules leave: the free spaces,
     * or NaN. Returns that value. May erase a frozen run from the history.
     */
    double accept(SlotHistory history, long slot, double free, boolean fullByCode) {
        double value = filter(history, slot, free, fullByCode);
        history.put(slot, value);
        return value;
    }

    private double filter(SlotHistory history, long slot, double free, boolean fullByCode) {
        if (Double.isNaN(free) || free < 0 || free > history.capacity()) {
            return Double.NaN;
        }
        int gap = rules.maxGapMinutes() / 5;
        if (free == 0) {
            return zero(slot, fullByCode, gap, history.capacity());
        }
        zeroRunStart = Long.MIN_VALUE;
        lastNonZeroSlot = slot;
        lastNonZero = free;
        return frozen(history, slot, free, gap) ? Double.NaN : free;
    }

    private double zero(long slot, boolean fullByCode, int gap, int capacity) {
        runValue = Double.NaN;
        frozen = false;
        boolean continuesRun = zeroRunStart != Long.MIN_VALUE && slot - lastRunSlot <= gap;
        if (!continuesRun) {
            zeroRunStart = slot;
            zeroRunKept = lastNonZeroSlot != Long.MIN_VALUE
                    && (slot - lastNonZeroSlot) * 5 <= rules.zeroLookbackMinutes()
                    && lastNonZero <= rules.nearFullSpaces(capacity);
        }
        lastRunSlot = slot;
        boolean keep = zeroRunKept && (slot - zeroRunStart + 1) * 5 <= rules.maxFullRunMinutes();
        return keep || fullByCode ? 0 : Double.NaN;
    }

    /** True if this reading belongs to a frozen daytime run (erasing the run from the history when first seen). */
    private boolean frozen(SlotHistory history, long slot, double free, int gap) {
        boolean sameRun = free == runValue && slot - lastRunSlot <= gap;
        if (!sameRun) {
            runValue = free;
            runStart = slot;
            dayStretchStart = Long.MIN_VALUE;
            frozen = false;
        }
        boolean day = history.clock().inLocalWindow(slot, rules.dayStartMinute(), rules.dayEndMinute());
        if (!day) {
            dayStretchStart = Long.MIN_VALUE;
        } else if (dayStretchStart == Long.MIN_VALUE || slot - lastRunSlot > gap) {
            dayStretchStart = slot;
        }
        lastRunSlot = slot;
        if (!frozen && day && (slot - dayStretchStart + 1) * 5 >= rules.frozenMinutes()) {
            frozen = true;
            history.erase(runStart, slot);
        }
        return frozen;
    }
}
