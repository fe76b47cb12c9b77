/**
 * Wire decoders: turn one MQTT payload (native v1, LoRaWAN uplinks, SenML) into readings, or reject it
 * with a {@link de.parkleit.ingest.decode.RejectReason}. Pure code: no Vert.x, no I/O.
 */
package de.parkleit.ingest.decode;
