/** Publishing of retained state topics, coalescing rapid changes of one topic to at most one publish per interval. */
package de.parkleit.ingest.publish;
