/** The shared adapters every service uses: MQTT, the time-series store port, config, HTTP problems, metrics. */
package de.parkleit.platform;
