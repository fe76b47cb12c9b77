/**
 * Per-gateway admission: a token bucket per message source (facility, traffic detector, LoRaWAN application,
 * SenML gateway) so that one flooding gateway is cut to its budget before decoding while every other gateway
 * keeps its own; counted per gateway with a bounded set of metric tags.
 */
package de.parkleit.ingest.throttle;
