package de.parkleit.guidance.signs;

/** How full a facility is for signs (DATEX II: spaces available, almost full, full). */
public enum OccupancyLevel { FREE, ALMOST_FULL, FULL }
