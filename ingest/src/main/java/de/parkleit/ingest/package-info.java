/**
 * The ingest service: subscribes to the gateway topics, decodes and validates every message,
 * keeps and publishes the live state, and writes readings durably before acknowledging them.
 */
package de.parkleit.ingest;
