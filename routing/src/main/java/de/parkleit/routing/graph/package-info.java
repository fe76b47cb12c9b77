/**
 * The road graph of one travel mode in primitive arrays (junctions, directed edges in
 * forward-star order, folded edge geometry), its strongly connected core, and snapping of
 * arbitrary points to the nearest edge with a JTS spatial index. No Vert.x here.
 */
package de.parkleit.routing.graph;
