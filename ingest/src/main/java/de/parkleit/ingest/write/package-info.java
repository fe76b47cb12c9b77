/** Batched, durable writing of readings: to the store on a worker pool, acknowledging each message once its readings are safe. */
package de.parkleit.ingest.write;
