/**
 * The simulator's ports over the wire, for real mode against a running parkleit: routes and
 * guidance over HTTP, readings and live state over MQTT, and the time shift that puts a scenario
 * onto the wall clock.
 */
package de.parkleit.simulator.wire;
