/**
 * Daily occupancy shapes derived from the real Münster series as prediction's
 * {@code MuensterHistory} reads and cleans them (share of capacity by weekday and 5-minute slot),
 * the traffic shapes from the Münster loop counts, and the models that map a city's facilities
 * and detectors onto them. Pure Java, no Vert.x.
 */
package de.parkleit.simulator.profile;
