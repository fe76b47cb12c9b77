/**
 * The routing HTTP API: {@code GET /api/v1/route} as GeoJSON, searches run on a named worker pool,
 * errors as RFC 9457 problem JSON through {@link de.parkleit.platform.http.ApiException}.
 */
package de.parkleit.routing.http;
