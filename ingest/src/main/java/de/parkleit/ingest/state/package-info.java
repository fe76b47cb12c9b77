/**
 * The live state of facilities and traffic detectors: occupancy from absolute readings, barrier
 * counters and single-space sensors, with plausibility flags, trend, time rules and staleness. Pure code.
 */
package de.parkleit.ingest.state;
