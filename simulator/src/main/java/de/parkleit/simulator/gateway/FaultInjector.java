package de.parkleit.simulator.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides, message by message, what the broker gets: the message as is, nothing, twice, later, after
 * the gateway's next message, or a broken payload. Gateways are told apart by topic plus device
 * (the LoRaWAN topic carries many devices). Deterministic for a seed; counts what it did; not thread-safe.
 */
public final class FaultInjector {

    /** A message to publish after {@code delayMillis} (0 = now). */
    public record Delivery(WireMessage message, long delayMillis) {
    }

    private final FaultRates rates;
    private final SplittableRandom random;
    private final long lateMillis;
    private final Map<String, WireMessage> heldForReorder = new HashMap<>();
    private final Map<String, Long> counts = new java.util.LinkedHashMap<>();

    /** @param lateMillis how long late messages are held back */
    public FaultInjector(FaultRates rates, long seed, long lateMillis) {
        this.rates = rates;
        this.random = new SplittableRandom(seed);
        this.lateMillis = lateMillis;
    }

    /** @param gateway identifies the sending gateway (for reordering within one gateway's stream) */
    public List<Delivery> apply(String gateway, WireMessage m) {
        List<Delivery> out = new ArrayList<>(2);
        WireMessage held = heldForReorder.remove(gateway);
        switch (pick(random.nextDouble())) {
            case "drop" -> count("dropped");
            case "duplicate" -> {
                count("duplicated");
                out.add(new Delivery(m, 0));
                out.add(new Delivery(m, 0));
            }
            case "late" -> {
                count("late");
                out.add(new Delivery(m, lateMillis));
            }
            case "reorder" -> {
                if (held == null) {
                    count("reordered");
                    heldForReorder.put(gateway, m);
                } else {
                    out.add(new Delivery(m, 0));
                }
            }
            case "malformed" -> {
                count("malformed");
                out.add(new Delivery(new WireMessage(m.topic(), malform(m.payload())), 0));
            }
            default -> out.add(new Delivery(m, 0));
        }
        if (held != null) {
            out.add(new Delivery(held, 0));
        }
        return out;
    }

    private String pick(double u) {
        double[] p = {rates.drop(), rates.duplicate(), rates.late(), rates.reorder(), rates.malformed()};
        String[] names = {"drop", "duplicate", "late", "reorder", "malformed"};
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return names[i];
            }
        }
        return "none";
    }

    /** Whether a counter misses a vehicle this time. */
    public boolean missesVehicle() {
        boolean miss = rates.drift() > 0 && random.nextDouble() < rates.drift();
        if (miss) {
            count("missed-vehicle");
        }
        return miss;
    }

    /** Faults injected so far by kind. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private byte[] malform(byte[] payload) {
        String s = new String(payload, StandardCharsets.UTF_8);
        String broken = switch (random.nextInt(5)) {
            case 0 -> s.substring(0, Math.max(1, s.length() / 2));
            case 1 -> "not json at all";
            case 2 -> s.replaceFirst("\"free\":\\s*-?\\d+", "\"free\":\"many\"").replaceFirst("\"ts\":\"[^\"]*\"", "\"ts\":\"yesterday\"");
            case 3 -> s.replaceFirst("\"ts\":\"[^\"]*\",?", "");
            default -> "";
        };
        return (broken.equals(s) ? "{\"unexpected\":true}" : broken).getBytes(StandardCharsets.UTF_8);
    }
}
