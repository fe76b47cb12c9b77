/**
 * Simulated sensor gateways: publish the occupancy of every facility of a city over MQTT in the
 * native v1 format at the real time of day, driven by the occupancy model.
 */
package de.parkleit.simulator.gateway;
