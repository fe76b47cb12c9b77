/**
 * The InfluxDB 2.x adapter of the time-series store: line protocol writes through
 * influxdb-client-java, history read with Flux, retention by bucket plus a downsampling task.
 */
package de.parkleit.platform.store.influx;
