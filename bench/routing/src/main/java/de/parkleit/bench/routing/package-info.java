/**
 * JMH benchmarks of parkleit routing (contraction hierarchy with live weights, Dijkstra) against
 * GraphHopper 11 (contraction hierarchy and flexible mode) in the same JVM, on the full Heidelberg
 * extract; plus a footprint run for import time, memory and traffic-update latency.
 */
package de.parkleit.bench.routing;
