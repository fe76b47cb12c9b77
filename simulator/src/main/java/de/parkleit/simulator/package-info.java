/**
 * The simulator: gateways that publish realistic occupancy over MQTT, a history backfill, and
 * (later) driver agents that measure how much search traffic guidance saves.
 */
package de.parkleit.simulator;
