/** The time-series store port and its adapters (embedded QuestDB, InfluxDB 2), both written through influxdb-client-java. */
package de.parkleit.platform.store;
