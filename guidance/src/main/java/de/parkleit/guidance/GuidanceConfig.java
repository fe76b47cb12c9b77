package de.parkleit.guidance;

import de.parkleit.core.Ids;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.SharedSettings;
import de.parkleit.platform.config.Env;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of guidance, read once from the environment.
 *
 * @param topicRoot          wire contract root ({@code PARKLEIT_TOPIC_ROOT}, {@code parkleit/v1})
 * @param instanceId         this instance in shared recommendations ({@code PARKLEIT_INSTANCE_ID}, {@code node1})
 * @param radiusMeters       facilities within this crow-fly distance of the destination are candidates
 *                           ({@code PARKLEIT_GUIDANCE_RADIUS_M}, 1000)
 * @param maxCandidates      at most this many nearest candidates are routed ({@code PARKLEIT_GUIDANCE_CANDIDATES}, 12)
 * @param maxResults         results per answer ({@code PARKLEIT_GUIDANCE_RESULTS}, 5)
 * @param walkWeight         a walking second costs this many driving seconds ({@code PARKLEIT_GUIDANCE_WALK_WEIGHT}, 1.5:
 *                           the convention is 2, the meta-analysis of Abrantes &amp; Wardman 2011 finds it clearly below 2)
 * @param walkSpeedKmh       walking speed of the crow-fly walk ({@code PARKLEIT_GUIDANCE_WALK_KMH}, 4.8)
 * @param walkDetour         detour factor of the crow-fly walk ({@code PARKLEIT_GUIDANCE_WALK_DETOUR}, 1.3)
 * @param compliance         expected share of drivers who follow a recommendation ({@code PARKLEIT_GUIDANCE_COMPLIANCE}, 0.8)
 * @param marginSpaces       safety margin kept free at every facility, in spaces ({@code PARKLEIT_GUIDANCE_MARGIN}, 2) ...
 * @param marginShare        ... or this share of capacity if larger ({@code PARKLEIT_GUIDANCE_MARGIN_SHARE}, 0.05)
 * @param hold               a recommendation counts against its facility at most this long
 *                           ({@code PARKLEIT_GUIDANCE_HOLD}, 15m) ...
 * @param arrivalGrace       ... and only until its expected arrival plus this ({@code PARKLEIT_GUIDANCE_ARRIVAL_GRACE}, 2m)
 * @param fullPenalty        cost of arriving at a full facility ({@code PARKLEIT_GUIDANCE_FULL_PENALTY}, 8m: the mean
 *                           cruising time of the hotspot studies, Shoup 2005)
 * @param unknownProbability probability of a free space at a facility without fresh data
 *                           ({@code PARKLEIT_GUIDANCE_UNKNOWN_PROBABILITY}, 0.2)
 * @param unknownBudgetShare at most this share of an unknown facility's capacity is sent there
 *                           ({@code PARKLEIT_GUIDANCE_UNKNOWN_BUDGET}, 0.1)
 * @param staleAfter         a state older than this is unknown ({@code PARKLEIT_STALE_AFTER}, 15m)
 * @param maxAhead           {@code arrive} at most this far ahead ({@code PARKLEIT_GUIDANCE_MAX_AHEAD}, 24h)
 * @param shareIssued        share recommendations with other instances on {@code {root}/guidance/issued}
 *                           ({@code PARKLEIT_GUIDANCE_SHARE}, true)
 * @param walkOnNetwork      walk on the city's foot network instead of crow-fly x detour
 *                           ({@code PARKLEIT_GUIDANCE_WALK_NETWORK}, false; the app then loads the foot network)
 */
public record GuidanceConfig(String topicRoot, String instanceId, double radiusMeters, int maxCandidates, int maxResults,
                             double walkWeight, double walkSpeedKmh, double walkDetour, double compliance, int marginSpaces,
                             double marginShare, Duration hold, Duration arrivalGrace, Duration fullPenalty,
                             double unknownProbability, double unknownBudgetShare, Duration staleAfter, Duration maxAhead,
                             boolean shareIssued, boolean walkOnNetwork) {

    public GuidanceConfig {
        try {
            new Topics(topicRoot);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_TOPIC_ROOT: " + e.getMessage(), e);
        }
        if (!Ids.isValid(instanceId) || instanceId.length() > 32) {
            throw new ConfigException("PARKLEIT_INSTANCE_ID must match [A-Za-z0-9_-]{1,32}, got \"" + instanceId + "\"");
        }
        range("PARKLEIT_GUIDANCE_RADIUS_M", radiusMeters, 50, 20_000);
        range("PARKLEIT_GUIDANCE_CANDIDATES", maxCandidates, 1, 200);
        range("PARKLEIT_GUIDANCE_RESULTS", maxResults, 1, 50);
        range("PARKLEIT_GUIDANCE_WALK_WEIGHT", walkWeight, 0, 10);
        range("PARKLEIT_GUIDANCE_WALK_KMH", walkSpeedKmh, 1, 10);
        range("PARKLEIT_GUIDANCE_WALK_DETOUR", walkDetour, 1, 3);
        range("PARKLEIT_GUIDANCE_COMPLIANCE", compliance, 0.01, 1);
        range("PARKLEIT_GUIDANCE_MARGIN", marginSpaces, 0, 1000);
        range("PARKLEIT_GUIDANCE_MARGIN_SHARE", marginShare, 0, 0.5);
        range("PARKLEIT_GUIDANCE_UNKNOWN_PROBABILITY", unknownProbability, 0, 1);
        range("PARKLEIT_GUIDANCE_UNKNOWN_BUDGET", unknownBudgetShare, 0, 1);
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(arrivalGrace, "arrivalGrace");
        Objects.requireNonNull(fullPenalty, "fullPenalty");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(maxAhead, "maxAhead");
    }

    private static void range(String var, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new ConfigException(var + " must be between " + min + " and " + max + ", got " + v);
        }
    }

    /** The defaults documented above, under a topic root. */
    public static GuidanceConfig defaults(String topicRoot, String instanceId) {
        return new GuidanceConfig(topicRoot, instanceId, 1000, 12, 5, 1.5, CrowFlyWalk.DEFAULT_SPEED_KMH,
                CrowFlyWalk.DEFAULT_DETOUR, 0.8, 2, 0.05, Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofMinutes(8), 0.2, 0.1, Duration.ofMinutes(15), Duration.ofHours(24), true, false);
    }

    public static GuidanceConfig fromEnv(Env env) {
        return fromEnv(env, SharedSettings.fromEnv(env));
    }

    /** As {@link #fromEnv(Env)}, with the topic root, instance id and stale-after from the node's shared settings. */
    public static GuidanceConfig fromEnv(Env env, SharedSettings shared) {
        GuidanceConfig d = defaults(shared.topicRoot(), shared.instanceId());
        return new GuidanceConfig(d.topicRoot, d.instanceId,
                number(env, "PARKLEIT_GUIDANCE_RADIUS_M", d.radiusMeters),
                env.integer("PARKLEIT_GUIDANCE_CANDIDATES", d.maxCandidates),
                env.integer("PARKLEIT_GUIDANCE_RESULTS", d.maxResults),
                number(env, "PARKLEIT_GUIDANCE_WALK_WEIGHT", d.walkWeight),
                number(env, "PARKLEIT_GUIDANCE_WALK_KMH", d.walkSpeedKmh),
                number(env, "PARKLEIT_GUIDANCE_WALK_DETOUR", d.walkDetour),
                number(env, "PARKLEIT_GUIDANCE_COMPLIANCE", d.compliance),
                env.integer("PARKLEIT_GUIDANCE_MARGIN", d.marginSpaces),
                number(env, "PARKLEIT_GUIDANCE_MARGIN_SHARE", d.marginShare),
                env.duration("PARKLEIT_GUIDANCE_HOLD", d.hold),
                env.duration("PARKLEIT_GUIDANCE_ARRIVAL_GRACE", d.arrivalGrace),
                env.duration("PARKLEIT_GUIDANCE_FULL_PENALTY", d.fullPenalty),
                number(env, "PARKLEIT_GUIDANCE_UNKNOWN_PROBABILITY", d.unknownProbability),
                number(env, "PARKLEIT_GUIDANCE_UNKNOWN_BUDGET", d.unknownBudgetShare),
                shared.staleAfter(),
                env.duration("PARKLEIT_GUIDANCE_MAX_AHEAD", d.maxAhead),
                env.bool("PARKLEIT_GUIDANCE_SHARE", d.shareIssued),
                env.bool("PARKLEIT_GUIDANCE_WALK_NETWORK", d.walkOnNetwork));
    }

    static double number(Env env, String name, double def) {
        return env.raw(name).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a number, got \"" + v + "\"");
            }
        }).orElse(def);
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    /** Safety margin in spaces for a facility of {@code capacity}. */
    public double margin(int capacity) {
        return Math.max(marginSpaces, marginShare * capacity);
    }

    public GuidanceConfig withCompliance(double c) {
        return new GuidanceConfig(topicRoot, instanceId, radiusMeters, maxCandidates, maxResults, walkWeight, walkSpeedKmh,
                walkDetour, c, marginSpaces, marginShare, hold, arrivalGrace, fullPenalty, unknownProbability,
                unknownBudgetShare, staleAfter, maxAhead, shareIssued, walkOnNetwork);
    }

    public GuidanceConfig withRadius(double meters) {
        return new GuidanceConfig(topicRoot, instanceId, meters, maxCandidates, maxResults, walkWeight, walkSpeedKmh,
                walkDetour, compliance, marginSpaces, marginShare, hold, arrivalGrace, fullPenalty, unknownProbability,
                unknownBudgetShare, staleAfter, maxAhead, shareIssued, walkOnNetwork);
    }

    /** The effective configuration for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PARKLEIT_TOPIC_ROOT", topicRoot);
        m.put("PARKLEIT_INSTANCE_ID", instanceId);
        m.put("PARKLEIT_GUIDANCE_RADIUS_M", Double.toString(radiusMeters));
        m.put("PARKLEIT_GUIDANCE_CANDIDATES", Integer.toString(maxCandidates));
        m.put("PARKLEIT_GUIDANCE_RESULTS", Integer.toString(maxResults));
        m.put("PARKLEIT_GUIDANCE_WALK_WEIGHT", Double.toString(walkWeight));
        m.put("PARKLEIT_GUIDANCE_WALK_KMH", Double.toString(walkSpeedKmh));
        m.put("PARKLEIT_GUIDANCE_WALK_DETOUR", Double.toString(walkDetour));
        m.put("PARKLEIT_GUIDANCE_COMPLIANCE", Double.toString(compliance));
        m.put("PARKLEIT_GUIDANCE_MARGIN", Integer.toString(marginSpaces));
        m.put("PARKLEIT_GUIDANCE_MARGIN_SHARE", Double.toString(marginShare));
        m.put("PARKLEIT_GUIDANCE_HOLD", hold.toString());
        m.put("PARKLEIT_GUIDANCE_ARRIVAL_GRACE", arrivalGrace.toString());
        m.put("PARKLEIT_GUIDANCE_FULL_PENALTY", fullPenalty.toString());
        m.put("PARKLEIT_GUIDANCE_UNKNOWN_PROBABILITY", Double.toString(unknownProbability));
        m.put("PARKLEIT_GUIDANCE_UNKNOWN_BUDGET", Double.toString(unknownBudgetShare));
        m.put("PARKLEIT_STALE_AFTER", staleAfter.toString());
        m.put("PARKLEIT_GUIDANCE_MAX_AHEAD", maxAhead.toString());
        m.put("PARKLEIT_GUIDANCE_SHARE", Boolean.toString(shareIssued));
        m.put("PARKLEIT_GUIDANCE_WALK_NETWORK", Boolean.toString(walkOnNetwork));
        return m;
    }
}
