package de.parkleit.prediction;

/**
 * The horizons, in five-minute slots, for which the model fits its own coefficients and error distribution: every
 * 5 minutes up to an hour, then 1.5, 2, 3, 4, 6, 8, 12 and 24 hours. Other horizons interpolate between neighbours.
 */
final class Horizons {

    static final int[] GRID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 18, 24, 36, 48, 72, 96, 144, 288};
    /** The longest horizon the model forecasts, in slots (24 h). */
    static final int MAX = GRID[GRID.length - 1];

    private Horizons() {
    }

    /** Index of the largest grid horizon &lt;= {@code slots} (0 for anything below the first). */
    static int floorIndex(int slots) {
        int i = 0;
        while (i + 1 < GRID.length && GRID[i + 1] <= slots) {
            i++;
        }
        return i;
    }

    /** Index of the grid horizon nearest to {@code slots}. */
    static int nearestIndex(int slots) {
        int i = floorIndex(slots);
        if (i + 1 < GRID.length && GRID[i + 1] - slots < slots - GRID[i]) {
            return i + 1;
        }
        return i;
    }
}
