/** The simulated sign controller's HTTP server ({@code http-json} protocol of the sign bridge). */
package de.parkleit.simulator.signs.http;
