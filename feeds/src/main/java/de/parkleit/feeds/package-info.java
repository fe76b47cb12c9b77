/**
 * Feed adapters, pure side: parsers of the parking feed formats German cities publish (DATEX II,
 * NGSI-v2, ParkAPI v3) into {@link de.parkleit.feeds.FeedSite}s, and {@link de.parkleit.feeds.FeedReadings}
 * that turns sites into canonical occupancy readings (id mapping, validation, unchanged-status
 * suppression). No io.vertx here.
 */
package de.parkleit.feeds;
