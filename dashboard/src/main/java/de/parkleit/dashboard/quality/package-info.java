/**
 * Data quality for planners: facilities with stale or suspicious data on the live-state board, and the
 * readings ingest rejected, counted by reason from the dead-letter topics.
 */
package de.parkleit.dashboard.quality;
