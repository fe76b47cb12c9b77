/** Streaming cut of the car road network of an area out of a regional OSM PBF file, and the PBF writer for it. */
package de.parkleit.cityinit.extract;
