/**
 * The entry point other parts of parkleit use for routing: {@link de.parkleit.routing.network.RoadNetwork}
 * loads a city's road graph once and answers snapped point-to-point and one-to-many queries under
 * the current travel times. No Vert.x here.
 */
package de.parkleit.routing.network;
