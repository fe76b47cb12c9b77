package de.parkleit.routing.network;

/** A query the road network cannot answer; the HTTP edge maps each kind to problem JSON. */
public class RoutingException extends RuntimeException {

    public RoutingException(String message) {
        super(message);
    }
}
