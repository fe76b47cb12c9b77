package de.parkleit.ingest.throttle;

import de.parkleit.core.Ids;
import de.parkleit.core.topic.TopicMatch;
import de.parkleit.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Admits or refuses one input message by its source before anything else is done with it: a token bucket per
 * gateway, refilled at the gateway's budget ({@link GatewayLimits}) and holding {@code burst} of it. The source
 * is read from the topic: {@code parking:{facility}} for occupancy, counts and single spaces (a known facility's
 * budget grows with its capacity; unknown facility ids share {@code parking:_unknown}, they are rejected
 * anyway), {@code traffic:{detector}}, {@code lorawan:{app}} and {@code senml:{gateway}} (these aggregate devices:
 * their budget grows with the mapped devices), {@code _topic} for anything else.
 *
 * <p>A refused message costs one map lookup: it is counted in {@code parkleit.ingest.throttled{gateway}} and
 * dropped by the caller, so a flood from one gateway never delays the others. The metric names at most
 * {@code maxTagged} gateways (the first ones throttled), the rest count as {@code gateway="_other"}. The bucket
 * map holds only sources active within their burst: {@link #sweep()} removes full buckets (a full bucket is the
 * same as none), and beyond {@value #MAX_SOURCES} sources new ones share one bucket. Not thread-safe: called on
 * ingest's context only.
 */
public final class GatewayThrottle {

    /** Most buckets held; a flood of made-up detector ids beyond it shares {@code _overflow}. */
    public static final int MAX_SOURCES = 100_000;
    static final String OTHER_TAG = "_other";
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final Topics topics;
    private final GatewayLimits limits;
    private final Function<String, Integer> capacities;
    private final int devices;
    private final LongSupplier nanos;
    private final MeterRegistry registry;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Counter> tagged = new HashMap<>();
    private final Map<String, Long> reported = new HashMap<>();
    private final Counter other;

    /**
     * @param capacities a facility's capacity by id, null for an unknown facility
     * @param devices    devices in the LoRaWAN/SenML mapping
     * @param nanos      a monotonic clock in ns ({@code System::nanoTime})
     */
    public GatewayThrottle(Topics topics, GatewayLimits limits, Function<String, Integer> capacities, int devices,
                           LongSupplier nanos, MeterRegistry registry) {
        this.topics = topics;
        this.limits = limits;
        this.capacities = capacities;
        this.devices = devices;
        this.nanos = nanos;
        this.registry = registry;
        this.other = counter(OTHER_TAG);
    }

    /** A verdict on one message: admitted (null) or the gateway that is over its budget. */
    public String refuse(String topic) {
        if (!limits.enabled()) {
            return null;
        }
        String source = source(topic);
        Bucket b = buckets.get(source);
        long now = nanos.getAsLong();
        if (b == null) {
            if (buckets.size() >= MAX_SOURCES) {
                source = "_overflow";
                b = buckets.get(source);
            }
            if (b == null) {
                b = new Bucket(budgetOf(source), limits.burst().toNanos(), now);
                buckets.put(source, b);
            }
        }
        if (b.take(now)) {
            return null;
        }
        counterOf(source).increment();
        return source;
    }

    /** Forgets sources whose bucket has refilled; call now and then (ingest does every 2 s). */
    public void sweep() {
        long now = nanos.getAsLong();
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().full(now)) {
                it.remove();
            }
        }
    }

    /**
     * Whether a refusal for this gateway should be reported (dead-lettered, logged): the first one, then at most
     * once a minute per named gateway, and once a minute for all {@code _other} ones together.
     */
    public boolean report(String gateway) {
        String key = tagged.containsKey(gateway) ? gateway : OTHER_TAG;
        long now = nanos.getAsLong();
        Long last = reported.get(key);
        if (last != null && now - last < NANOS_PER_MINUTE) {
            return false;
        }
        reported.put(key, now);
        return true;
    }

    /** The budget of a gateway in messages per minute. */
    public double budgetPerMinute(String gateway) {
        return budgetOf(gateway);
    }

    /** Sources that have a bucket now (tests, metrics). */
    public int activeSources() {
        return buckets.size();
    }

    /** Messages refused for one gateway, as the metric counts them ({@code _other} for untagged ones). */
    public double throttled(String gateway) {
        Counter c = OTHER_TAG.equals(gateway) ? other : tagged.get(gateway);
        return c == null ? 0 : c.count();
    }

    /** The source (gateway) a topic comes from; see the class comment. */
    String source(String topic) {
        String senml = topics.senmlPrefix();
        if (topic != null && topic.startsWith(senml) && Ids.isValid(topic.substring(senml.length()))) {
            return "senml:" + topic.substring(senml.length());
        }
        Optional<TopicMatch> m = topics.match(topic);
        if (m.isEmpty()) {
            return "_topic";
        }
        TopicMatch t = m.get();
        return switch (t.kind()) {
            case OCCUPANCY, COUNTS, SPACE -> capacities.apply(t.id()) == null ? "parking:_unknown" : "parking:" + t.id();
            case TRAFFIC -> "traffic:" + t.id();
            case LORAWAN_UPLINK -> "lorawan:" + t.id();
            default -> "_topic";
        };
    }

    private double budgetOf(String source) {
        if (source.startsWith("parking:")) {
            Integer capacity = capacities.apply(source.substring("parking:".length()));
            return limits.budgetPerMinute(capacity == null ? 0 : capacity);
        }
        if (source.startsWith("lorawan:") || source.startsWith("senml:")) {
            return limits.budgetPerMinute(devices);
        }
        return limits.budgetPerMinute(0);
    }

    private Counter counterOf(String source) {
        Counter c = tagged.get(source);
        if (c != null) {
            return c;
        }
        if (tagged.size() >= limits.maxTagged()) {
            return other;
        }
        c = counter(source);
        tagged.put(source, c);
        return c;
    }

    private Counter counter(String gateway) {
        return Counter.builder("parkleit.ingest.throttled").tag("gateway", gateway)
                .description("input messages dropped because their gateway sent more than its budget "
                        + "(PARKLEIT_INGEST_GATEWAY_RATE); at most PARKLEIT_INGEST_THROTTLE_TAGS gateways are named, "
                        + "the rest count as _other")
                .register(registry);
    }

    /** A token bucket: {@code size} tokens at most, refilled at {@code perNano}; one token per message. */
    private static final class Bucket {
        private final double perNano;
        private final double size;
        private double tokens;
        private long at;

        Bucket(double perMinute, long burstNanos, long now) {
            this.perNano = perMinute / NANOS_PER_MINUTE;
            this.size = Math.max(1.0, perNano * burstNanos);
            this.tokens = size;
            this.at = now;
        }

        boolean take(long now) {
            refill(now);
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return true;
            }
            return false;
        }

        boolean full(long now) {
            refill(now);
            return tokens >= size;
        }

        private void refill(long now) {
            long dt = now - at;
            if (dt > 0) {
                tokens = Math.min(size, tokens + dt * perNano);
                at = now;
            }
        }
    }
}
