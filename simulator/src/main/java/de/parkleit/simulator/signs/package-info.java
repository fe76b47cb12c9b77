/**
 * The simulated sign controller, free of Vert.x: what each simulated sign displays
 * ({@link de.parkleit.simulator.signs.ControllerDisplay}) and the faults it can be told to have;
 * {@code signs.http} serves it over the {@code http-json} protocol of the sign bridge.
 */
package de.parkleit.simulator.signs;
