package de.parkleit.dashboard.opendata;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.net.URI;
import java.time.Duration;

/**
 * The ParkAPI v3 push ({@link ParkApiPushClient}): off unless {@code PARKLEIT_PARKAPI_PUSH_URL} is set.
 *
 * @param url       base URL of the ParkAPI v3 hub; the client posts to
 *                  {@code <url>/api/admin/v1/parking-sites/upsert-list} ({@code PARKLEIT_PARKAPI_PUSH_URL}), null: off
 * @param sourceUid the source uid the hub knows this city by, the Basic-auth user ({@code PARKLEIT_PARKAPI_PUSH_SOURCE_UID})
 * @param password  the source's password at the hub ({@code PARKLEIT_PARKAPI_PUSH_PASSWORD})
 * @param interval  how often changed sites are pushed ({@code PARKLEIT_PARKAPI_PUSH_INTERVAL}, default 60 s)
 * @param retries   further attempts after a failed request (5xx, 429, network) ({@code PARKLEIT_PARKAPI_PUSH_RETRIES}, default 4)
 * @param backoff   wait before the first retry, doubled for each next one ({@code PARKLEIT_PARKAPI_PUSH_BACKOFF}, default 2 s)
 */
public record ParkApiPushConfig(URI url, String sourceUid, String password, Duration interval, int retries, Duration backoff) {

    public static final String PATH = "/api/admin/v1/parking-sites/upsert-list";

    public ParkApiPushConfig {
        if (url != null) {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new ConfigException("PARKLEIT_PARKAPI_PUSH_URL must be an http(s) URL, got \"" + url + "\"");
            }
            if (sourceUid == null || sourceUid.isBlank() || sourceUid.contains(":")) {
                throw new ConfigException("PARKLEIT_PARKAPI_PUSH_SOURCE_UID must be set (without ':') when PARKLEIT_PARKAPI_PUSH_URL is");
            }
            if (password == null || password.isEmpty()) {
                throw new ConfigException("PARKLEIT_PARKAPI_PUSH_PASSWORD must be set when PARKLEIT_PARKAPI_PUSH_URL is");
            }
        }
        interval = interval == null ? Duration.ofSeconds(60) : interval;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        if (interval.toMillis() < 1) {
            throw new ConfigException("PARKLEIT_PARKAPI_PUSH_INTERVAL must be positive");
        }
        if (retries < 0 || retries > 20) {
            throw new ConfigException("PARKLEIT_PARKAPI_PUSH_RETRIES must be 0..20, got " + retries);
        }
    }

    public static ParkApiPushConfig off() {
        return new ParkApiPushConfig(null, null, null, null, 4, null);
    }

    public static ParkApiPushConfig fromEnv(Env env) {
        String url = env.httpUrl("PARKLEIT_PARKAPI_PUSH_URL").orElse(null);
        return new ParkApiPushConfig(url == null ? null : URI.create(url.replaceAll("/+$", "")),
                env.string("PARKLEIT_PARKAPI_PUSH_SOURCE_UID", ""), env.raw("PARKLEIT_PARKAPI_PUSH_PASSWORD").orElse(null),
                env.duration("PARKLEIT_PARKAPI_PUSH_INTERVAL", Duration.ofSeconds(60)),
                env.intInRange("PARKLEIT_PARKAPI_PUSH_RETRIES", 4, 0, 20),
                env.duration("PARKLEIT_PARKAPI_PUSH_BACKOFF", Duration.ofSeconds(2)));
    }

    public boolean enabled() {
        return url != null;
    }

    /** The upsert-list endpoint. */
    public URI endpoint() {
        return URI.create(url + PATH);
    }

    @Override
    public String toString() {
        return enabled() ? "ParkApiPushConfig[url=" + url + ", sourceUid=" + sourceUid + ", password=*****, interval=" + interval
                + ", retries=" + retries + ", backoff=" + backoff + "]" : "ParkApiPushConfig[off]";
    }
}
