package de.parkleit.platform.store;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One cell of a weekday x time-of-day occupancy profile (local time of the city): free spaces seen
 * in that slot on that weekday over the profile's weeks.
 */
public record ProfileCell(DayOfWeek weekday, LocalTime slot, double meanFree, int minFree, int maxFree, long samples) {
}
