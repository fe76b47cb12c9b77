/**
 * Shortest-path searches over a {@link de.parkleit.routing.graph.RoadGraph} with a given edge
 * weight array: Dijkstra point to point and one to many, starting and ending mid-edge at
 * {@link de.parkleit.routing.graph.Snap}s. Pure Java, no Vert.x; searches reuse pooled state.
 */
package de.parkleit.routing.search;
