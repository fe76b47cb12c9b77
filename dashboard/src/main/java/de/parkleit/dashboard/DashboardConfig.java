package de.parkleit.dashboard;

import de.parkleit.core.topic.Topics;
import de.parkleit.dashboard.auth.AuthSettings;
import de.parkleit.dashboard.opendata.OpenDataLicence;
import de.parkleit.dashboard.opendata.ParkApiPushConfig;
import de.parkleit.dashboard.ratelimit.RateLimit;
import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.config.SharedSettings;
import java.net.URI;
import java.util.Arrays;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the dashboard service, built once from the environment.
 *
 * @param bindHost          interface the HTTP server binds to ({@code PARKLEIT_HTTP_HOST})
 * @param httpPort          HTTP port, 0 picks a free one (tests) ({@code PARKLEIT_HTTP_PORT})
 * @param topicRoot         MQTT topic root ({@code PARKLEIT_TOPIC_ROOT})
 * @param tileUrl           base map tile URL template with {z}/{x}/{y}, or null for the vector-only
 *                          base map ({@code PARKLEIT_MAP_TILE_URL}, {@code none} disables tiles)
 * @param tileAttribution   attribution shown for the tiles ({@code PARKLEIT_MAP_TILE_ATTRIBUTION})
 * @param corsOrigins       origins allowed to call {@code /api/*} from other sites ({@code PARKLEIT_CORS_ORIGINS})
 * @param maxStreams        live-push connections this instance accepts ({@code PARKLEIT_HTTP_MAX_STREAMS})
 * @param auth              planner users, session signing ({@code PARKLEIT_USERS_FILE}, {@code PARKLEIT_ADMIN_PASSWORD},
 *                          {@code PARKLEIT_AUTH_SECRET}, {@code PARKLEIT_SESSION_TTL}, {@code PARKLEIT_HTTP_SECURE_COOKIES})
 * @param rateLimit         per-client budget on the public API ({@code PARKLEIT_HTTP_RATE_LIMIT}, {@code PARKLEIT_HTTP_RATE_BURST},
 *                          {@code PARKLEIT_HTTP_TRUST_PROXY})
 * @param openData          licence of the open-data exports ({@code PARKLEIT_OPENDATA_*})
 * @param zone              the city's local time for the planner's charts ({@link SharedSettings#zone}:
 *                          {@code PARKLEIT_TIMEZONE}, else the city's {@code timezone}, else UTC)
 * @param signAckAlert      a sign without a good acknowledgement of the sign bridge for this long raises the alert in the
 *                          planner's signs view and the gauge {@code parkleit.signs.unacknowledged}
 *                          ({@code PARKLEIT_SIGNBRIDGE_ACK_ALERT}, the bridge's own setting, default 3m)
 * @param parkApiPush       push of the city's sites to a ParkAPI v3 hub, off by default ({@code PARKLEIT_PARKAPI_PUSH_*})
 */
public record DashboardConfig(String bindHost, int httpPort, String topicRoot, String tileUrl, String tileAttribution,
                              List<String> corsOrigins, int maxStreams, AuthSettings auth, RateLimit rateLimit,
                              OpenDataLicence openData, ZoneId zone, Duration signAckAlert,
                              ParkApiPushConfig parkApiPush) {

    public static final String PORT_VAR = "PARKLEIT_HTTP_PORT";
    public static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)";
    /** As the sign bridge's default ({@code Timings.defaults().ackAlert()}). */
    public static final Duration DEFAULT_SIGN_ACK_ALERT = Duration.ofMinutes(3);

    public DashboardConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (bindHost.isBlank()) {
            throw new ConfigException("PARKLEIT_HTTP_HOST must not be blank");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new ConfigException(PORT_VAR + " must be a TCP port 0..65535, got " + httpPort);
        }
        try {
            new Topics(topicRoot);
        } catch (RuntimeException e) {
            throw new ConfigException("PARKLEIT_TOPIC_ROOT: " + e.getMessage());
        }
        tileUrl = tileUrl == null || tileUrl.isBlank() || tileUrl.equalsIgnoreCase("none") ? null : tileUrl.trim();
        if (tileUrl != null) {
            tileOrigin(tileUrl);
        }
        tileAttribution = tileAttribution == null ? "" : tileAttribution;
        corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
        for (String o : corsOrigins) {
            if (!o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new ConfigException("PARKLEIT_CORS_ORIGINS entries must look like https://example.org, got \"" + o + "\"");
            }
        }
        if (maxStreams < 1) {
            throw new ConfigException("PARKLEIT_HTTP_MAX_STREAMS must be at least 1, got " + maxStreams);
        }
        auth = auth == null ? AuthSettings.none() : auth;
        rateLimit = rateLimit == null ? RateLimit.defaults() : rateLimit;
        openData = openData == null ? OpenDataLicence.defaults() : openData;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        signAckAlert = signAckAlert == null ? DEFAULT_SIGN_ACK_ALERT : signAckAlert;
        if (signAckAlert.isNegative() || signAckAlert.isZero()) {
            throw new ConfigException("PARKLEIT_SIGNBRIDGE_ACK_ALERT must be positive, got " + signAckAlert);
        }
        parkApiPush = parkApiPush == null ? ParkApiPushConfig.off() : parkApiPush;
    }

    /** Without the sign ack alert (the default, 3 minutes) and without the ParkAPI push. */
    public DashboardConfig(String bindHost, int httpPort, String topicRoot, String tileUrl, String tileAttribution,
                           List<String> corsOrigins, int maxStreams, AuthSettings auth, RateLimit rateLimit,
                           OpenDataLicence openData, ZoneId zone) {
        this(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, rateLimit, openData, zone, null, null);
    }

    /** In UTC. */
    public DashboardConfig(String bindHost, int httpPort, String topicRoot, String tileUrl, String tileAttribution,
                           List<String> corsOrigins, int maxStreams, AuthSettings auth, RateLimit rateLimit,
                           OpenDataLicence openData) {
        this(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, rateLimit, openData, null);
    }

    /** Without login users, with default rate limit and licence (the phase-1 shape). */
    public DashboardConfig(String bindHost, int httpPort, String topicRoot, String tileUrl, String tileAttribution,
                           List<String> corsOrigins, int maxStreams) {
        this(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, null, null, null, null);
    }

    public DashboardConfig withAuth(AuthSettings a) {
        return new DashboardConfig(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, a, rateLimit, openData, zone, signAckAlert, parkApiPush);
    }

    public DashboardConfig withRateLimit(RateLimit r) {
        return new DashboardConfig(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, r, openData, zone, signAckAlert, parkApiPush);
    }

    public DashboardConfig withSignAckAlert(Duration d) {
        return new DashboardConfig(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, rateLimit, openData, zone, d, parkApiPush);
    }

    public DashboardConfig withParkApiPush(ParkApiPushConfig p) {
        return new DashboardConfig(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, rateLimit, openData, zone, signAckAlert, p);
    }

    public DashboardConfig withZone(ZoneId z) {
        return new DashboardConfig(bindHost, httpPort, topicRoot, tileUrl, tileAttribution, corsOrigins, maxStreams, auth, rateLimit, openData, z, signAckAlert, parkApiPush);
    }

    /** Without a city folder: the zone is {@code PARKLEIT_TIMEZONE}, else UTC. */
    public static DashboardConfig fromEnv(Env env) {
        return fromEnv(env, SharedSettings.fromEnv(env, (de.parkleit.core.city.City) null));
    }

    /** @param shared the settings {@code app} read once: topic root and zone come from there */
    public static DashboardConfig fromEnv(Env env, SharedSettings shared) {
        String cors = env.string("PARKLEIT_CORS_ORIGINS", "");
        return new DashboardConfig(
                env.string("PARKLEIT_HTTP_HOST", "0.0.0.0"),
                env.port(PORT_VAR, 8080),
                shared.topicRoot(),
                env.string("PARKLEIT_MAP_TILE_URL", OSM_TILES),
                env.string("PARKLEIT_MAP_TILE_ATTRIBUTION", OSM_ATTRIBUTION),
                Arrays.stream(cors.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                env.intInRange("PARKLEIT_HTTP_MAX_STREAMS", 2000, 1, 1_000_000),
                AuthSettings.fromEnv(env), RateLimit.fromEnv(env), OpenDataLicence.fromEnv(env), shared.zone(),
                env.duration("PARKLEIT_SIGNBRIDGE_ACK_ALERT", DEFAULT_SIGN_ACK_ALERT),
                ParkApiPushConfig.fromEnv(env));
    }

    /** Loopback, a free port, no tiles: what tests use. */
    public static DashboardConfig forTests(String topicRoot) {
        return new DashboardConfig("127.0.0.1", 0, topicRoot, null, OSM_ATTRIBUTION, List.of(), 100,
                AuthSettings.none(), new RateLimit(100_000, 10_000, false), OpenDataLicence.defaults(), null);
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    /**
     * The CSP source for the tile host ({@code https://*.tile.example.org} for {@code {s}} subdomains),
     * or null without tiles.
     */
    public String tileSource() {
        return tileUrl == null ? null : tileOrigin(tileUrl);
    }

    private static String tileOrigin(String url) {
        if (!url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")) {
            throw new ConfigException("PARKLEIT_MAP_TILE_URL must contain {z}, {x} and {y} (or be \"none\"), got \"" + url + "\"");
        }
        try {
            URI u = URI.create(url.replace("{s}", "s-wildcard").replaceAll("\\{[a-z]+}", "0"));
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            String host = u.getHost().replace("s-wildcard", "*");
            return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_MAP_TILE_URL must be an http(s) URL template, got \"" + url + "\"");
        }
    }
}
