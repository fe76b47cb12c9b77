/**
 * Live travel times: traffic detectors snapped to edges, their readings turned into a congestion
 * factor (measured speed, a speed estimated from flow and lane occupancy, or a BPR volume-delay
 * function of flow), fading back to free flow when data goes stale, published as new immutable
 * {@link de.parkleit.routing.graph.EdgeWeights} versions. No Vert.x here.
 */
package de.parkleit.routing.traffic;
