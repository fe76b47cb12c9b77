/**
 * A node on a simulation's clock ({@code PARKLEIT_CLOCK=simulation}): ingest and guidance take
 * their "now" from {@link de.parkleit.app.simclock.SimulationClock}, which only moves when a
 * simulator sets it through {@code PUT /api/v1/sim/clock}, so a running node decides on virtual
 * time exactly as the in-process fast mode does.
 */
package de.parkleit.app.simclock;
