/** The domain of parkleit shared by every service: ids, facilities, readings, live state, topics and codecs. Pure Java, no I/O. */
package de.parkleit.core;
