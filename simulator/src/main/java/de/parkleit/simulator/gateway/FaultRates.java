package de.parkleit.simulator.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Probabilities of gateway faults per message (drift: per counted vehicle), each 0..1.
 *
 * @param drop      the message is lost
 * @param duplicate the message is sent twice
 * @param late      the message is held back for several intervals (sent with its original time)
 * @param reorder   the message is sent after the gateway's next one (out of order)
 * @param malformed the payload is broken (not JSON, truncated, wrong types, missing fields)
 * @param drift     a barrier counter misses a vehicle, so counts drift from the truth
 */
public record FaultRates(double drop, double duplicate, double late, double reorder, double malformed, double drift) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0);

    public FaultRates {
        for (double p : new double[]{drop, duplicate, late, reorder, malformed, drift}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault rates must be within 0..1, got " + p);
            }
        }
    }

    public boolean any() {
        return drop + duplicate + late + reorder + malformed + drift > 0;
    }

    /** Parses {@code drop=0.01,duplicate=0.005,late=0.01,reorder=0.01,malformed=0.002,drift=0.001}; empty or "none" is no faults. */
    public static FaultRates parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !java.util.List.of("drop", "duplicate", "late", "reorder", "malformed", "drift").contains(key)) {
                throw new IllegalArgumentException("fault \"" + part.trim() + "\": use drop, duplicate, late, reorder, malformed, drift = 0..1");
            }
            try {
                m.put(key, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault " + key + " must be a number 0..1, got " + kv[1].trim());
            }
        }
        return new FaultRates(m.getOrDefault("drop", 0.0), m.getOrDefault("duplicate", 0.0), m.getOrDefault("late", 0.0),
                m.getOrDefault("reorder", 0.0), m.getOrDefault("malformed", 0.0), m.getOrDefault("drift", 0.0));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "drop=%s,duplicate=%s,late=%s,reorder=%s,malformed=%s,drift=%s",
                drop, duplicate, late, reorder, malformed, drift);
    }
}
