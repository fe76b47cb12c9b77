package de.parkleit.routing.network;

/** A position farther from every road of the network than the snap radius. */
public final class OutsideNetworkException extends RoutingException {

    private final String which;

    public OutsideNetworkException(String which, double lat, double lon, double maxMeters) {
        super(which + " " + lat + "," + lon + " is more than " + Math.round(maxMeters) + " m from every road of the network");
        this.which = which;
    }

    /** Which query point it was ("from", "to", or a target id). */
    public String which() {
        return which;
    }
}
