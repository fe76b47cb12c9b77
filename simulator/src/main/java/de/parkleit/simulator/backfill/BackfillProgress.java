package de.parkleit.simulator.backfill;

/**
 * Progress of a backfill run.
 *
 * @param facilitiesDone facilities handled so far (written or skipped)
 * @param facilities     facilities in total
 * @param readings       readings written so far
 */
public record BackfillProgress(int facilitiesDone, int facilities, long readings) {

    public double fraction() {
        return facilities == 0 ? 1.0 : facilitiesDone / (double) facilities;
    }
}
