/**
 * Daily occupancy shapes derived from the real Münster series (share of capacity by weekday and
 * 5-minute slot) and the model that maps a city's facilities onto them. Pure Java, no Vert.x.
 */
package de.parkleit.simulator.profile;
