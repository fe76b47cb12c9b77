/**
 * The shared adapters every service uses: MQTT, the one subscriber feeding the live-state board, the time-series
 * store port, city folder loading, config and shared settings, HTTP problems, health and metrics.
 */
package de.parkleit.platform;
