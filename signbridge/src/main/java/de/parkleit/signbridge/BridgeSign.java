package de.parkleit.signbridge;

import de.parkleit.core.sign.SignFrame;
import java.util.Objects;

/**
 * A sign as the bridge knows it from {@code signs.geojson}.
 *
 * @param bare  the sign without lines (id, name, position, heading)
 * @param kind  the driver: {@code log}, {@code http-json}, {@code iris-msgfeed} or {@code datex2-vms}
 * @param http  the http-json settings; null for the other drivers
 * @param irisName the DMS name in the IRIS message feed (the sign id unless set)
 * @param safe  what the sign shows when nobody vouches for its numbers
 */
public record BridgeSign(SignFrame bare, String kind, HttpJsonDriver.HttpJsonSpec http, String irisName, SafeText safe) {

    public static final java.util.List<String> KINDS = java.util.List.of("log", "http-json", "iris-msgfeed", "datex2-vms");

    public BridgeSign {
        Objects.requireNonNull(bare, "bare");
        Objects.requireNonNull(safe, "safe");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("sign " + bare.signId() + ": driver must be one of " + KINDS + ", got " + kind);
        }
        if ("http-json".equals(kind) != (http != null)) {
            throw new IllegalArgumentException("sign " + bare.signId() + ": driverUrl is for (and required by) the http-json driver");
        }
    }

    /** The same sign driven through http-json at {@code url} ({@code {sign}} replaced by the id): the demo's simulated controller. */
    public BridgeSign viaHttpJson(String url) {
        return new BridgeSign(bare, "http-json", new HttpJsonDriver.HttpJsonSpec(url, "PUT", null, java.time.Duration.ofSeconds(2), 2),
                irisName, safe);
    }

    public String id() {
        return bare.signId();
    }
}
