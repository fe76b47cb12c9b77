/**
 * The one JSON codec of each payload of the wire contract that is not a sign: native readings, facility state,
 * traffic state, operator override and guidance-issued (sign frames and acknowledgements are in
 * {@code core.sign}). Producers and consumers use the same codec; each has a round-trip test.
 */
package de.parkleit.core.codec;
