/**
 * The append-only disk spool: readings the store cannot take now are appended in segment files
 * (fsynced before their messages are acknowledged) and replayed in order once the store is back.
 * Bounded by disk, not heap. Pure Java I/O, no Vert.x; methods block.
 */
package de.parkleit.ingest.spool;
