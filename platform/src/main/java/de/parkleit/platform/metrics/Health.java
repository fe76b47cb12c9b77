package de.parkleit.platform.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Readiness checks registered by the services of this process (broker connected, store healthy,
 * spool not full). Liveness is the process answering at all.
 */
public final class Health {

    private final Map<String, Supplier<String>> checks = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Map<String, Object>>> details = new ConcurrentHashMap<>();

    /**
     * Registers a check: the supplier returns null when ready, else a short reason.
     */
    public void register(String name, Supplier<String> check) {
        checks.put(name, check);
    }

    /** name -> null when ready, else the reason; in name order. */
    public Map<String, String> evaluate() {
        Map<String, String> out = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> {
            String r;
            try {
                r = checks.get(name).get();
            } catch (RuntimeException e) {
                r = "check failed: " + e.getMessage();
            }
            out.put(name, r);
        });
        return out;
    }

    /**
     * Registers details of a component that do not decide readiness (a feed whose source is down must
     * not take the node out of a load balancer), shown under {@code details} of {@code /health/ready}.
     */
    public void detail(String name, Supplier<Map<String, Object>> detail) {
        details.put(name, detail);
    }

    /** name -> details (JSON-friendly values), in name order. */
    public Map<String, Map<String, Object>> details() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        details.keySet().stream().sorted().forEach(name -> {
            Map<String, Object> d;
            try {
                d = details.get(name).get();
            } catch (RuntimeException e) {
                d = Map.of("error", "detail failed: " + e.getMessage());
            }
            out.put(name, d);
        });
        return out;
    }

    public boolean isReady() {
        return evaluate().values().stream().allMatch(v -> v == null);
    }
}
