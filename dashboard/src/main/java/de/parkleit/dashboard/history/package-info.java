/**
 * The history API of the planner dashboard: occupancy of one facility over a range as JSON or CSV,
 * with every parameter checked before the store is asked.
 */
package de.parkleit.dashboard.history;
