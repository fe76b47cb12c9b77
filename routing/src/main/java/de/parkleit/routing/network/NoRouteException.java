package de.parkleit.routing.network;

/** Origin and destination both lie on the network, but no path joins them in travel direction. */
public final class NoRouteException extends RoutingException {

    public NoRouteException(String message) {
        super(message);
    }
}
