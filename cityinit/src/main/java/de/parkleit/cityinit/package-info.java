/** {@code parkleit city init} and {@code city check}: a working city folder from an OSM extract and a facility list. */
package de.parkleit.cityinit;
