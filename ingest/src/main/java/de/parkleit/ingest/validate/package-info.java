/** Validation of decoded readings against the city and the clock: unknown ids and readings from the future are rejected. */
package de.parkleit.ingest.validate;
