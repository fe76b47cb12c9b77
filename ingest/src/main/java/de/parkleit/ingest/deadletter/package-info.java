/** Rejected input: counted by reason, republished to the dead-letter topic with its original topic, logged at most once per reason per minute. */
package de.parkleit.ingest.deadletter;
