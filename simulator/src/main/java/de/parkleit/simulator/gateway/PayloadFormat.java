package de.parkleit.simulator.gateway;

import java.util.Locale;

/**
 * How a simulated gateway writes its messages: native v1 JSON, a LoRaWAN network server's uplink
 * (The Things Stack v3 or ChirpStack v4, on {@code lorawan/{app}/uplink}), or SenML (RFC 8428)
 * records on the native topic.
 */
public enum PayloadFormat {
    NATIVE, TTN, CHIRPSTACK, SENML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PayloadFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
