/**
 * The routing module's adapters to Vert.x, MQTT and HTTP: {@code GET /api/v1/route} and the roads layer as GeoJSON
 * (searches on a named worker pool, errors as RFC 9457 problem JSON through
 * {@link de.parkleit.platform.http.ApiException}), and the {@link de.parkleit.routing.service.TrafficVerticle}, which
 * binds a city's detectors, reads the retained {@code state/traffic/+} topics and publishes new travel-time versions
 * on a worker thread. Everything else in the module is pure.
 */
package de.parkleit.routing.service;
