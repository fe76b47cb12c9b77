/**
 * The dashboard service: one HTTP server with the public API, live push, the driver map and the
 * planner views. {@link de.parkleit.dashboard.DashboardVerticle} wires it; features live in sub-packages.
 */
package de.parkleit.dashboard;
