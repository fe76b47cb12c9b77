/** Readings: what gateways observe, normalised from every wire format into one sealed family. */
package de.parkleit.core.reading;
