/**
 * The ingest benchmark: the full pipeline next to a minimal Paho-to-line-protocol bridge and
 * {@code mosquitto_sub} writing to a file, all fed by the same publishers through a private Mosquitto
 * in the same run, with one reading per message or SenML packs of several ({@code -Dbench.pack});
 * publish-to-state latency at 1,000 readings/s; heap per 10,000 sensors.
 */
package de.parkleit.bench.ingest;
