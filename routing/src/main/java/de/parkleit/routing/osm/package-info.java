/**
 * Reads an OpenStreetMap PBF extract and builds the compact road graph of one travel mode:
 * which ways a mode may use, in which direction and how fast (tag rules), and the folding of
 * the nodes between junctions into edge geometry.
 */
package de.parkleit.routing.osm;
