/**
 * Writes weeks of 5-minute occupancy history from the occupancy model straight into the
 * time-series store on first start, so history views and forecasts have data at once.
 */
package de.parkleit.simulator.backfill;
