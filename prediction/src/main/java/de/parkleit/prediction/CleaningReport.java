package de.parkleit.prediction;

/**
 * What {@link SeriesCleaner} did to one series: valid values before, values dropped by each rule, valid values after.
 */
public record CleaningReport(String facilityId, int validBefore, int aboveCapacity, int unconnectedZeros,
                             int frozen, int validAfter) {

    /** Share of the valid readings that survived cleaning (0 when there were none). */
    public double keptShare() {
        return validBefore == 0 ? 0 : validAfter / (double) validBefore;
    }
}
