/**
 * The domain of parkleit shared by every module: ids, facilities, the city, readings, live state and the live-state
 * board, sign frames, operator overrides, guidance records, topic names and the one codec of each payload on the
 * broker. Pure Java, no I/O.
 */
package de.parkleit.core;
