/**
 * Shortest-path searches over a {@link de.parkleit.routing.graph.RoadGraph}: a customizable contraction hierarchy
 * (nested-dissection order by inertial-flow cuts, a topology built once, metrics customized for each travel-time
 * version, elimination-tree queries point to point and one to many, shortcut unpacking) and plain Dijkstra point to
 * point and one to many, all starting and ending mid-edge at {@link de.parkleit.routing.graph.Snap}s. Pure Java,
 * no Vert.x; searches reuse pooled state.
 */
package de.parkleit.routing.search;
