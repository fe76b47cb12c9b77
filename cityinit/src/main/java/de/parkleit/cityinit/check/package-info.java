/** The checks of a city folder (entrances, duplicates, capacities, the dropped part of the road graph) and their report. */
package de.parkleit.cityinit.check;
