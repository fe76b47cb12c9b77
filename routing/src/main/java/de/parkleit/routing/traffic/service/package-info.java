/**
 * Feeds live traffic into the road network: the {@link de.parkleit.routing.traffic.service.TrafficVerticle}
 * binds a city's detectors, reads the retained {@code state/traffic/+} topics and publishes new
 * travel-time versions on a worker thread.
 */
package de.parkleit.routing.traffic.service;
