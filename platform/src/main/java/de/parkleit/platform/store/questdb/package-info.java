/**
 * The QuestDB adapter of the time-series store: an embedded QuestDB started in-process, writes as
 * InfluxDB line protocol through influxdb-client-java, history read back with SQL over HTTP.
 */
package de.parkleit.platform.store.questdb;
