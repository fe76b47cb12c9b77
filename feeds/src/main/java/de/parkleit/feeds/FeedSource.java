package de.parkleit.feeds;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One configured feed, from the city folder's {@code feeds.properties} (see docs/feeds.md):
 * <pre>
 * feed.aachen.format=datex2
 * feed.aachen.url=https://mobilithek.info/mdp-api/files/aux/…/clientPullService?subscriptionID=…
 * feed.aachen.interval=PT60S
 * feed.aachen.maxBytes=5000000
 * feed.aachen.unknown=reject            # identity: an unmapped source id is the facility id; create: taken in at start
 * feed.aachen.staleAfter=PT30M          # values unchanged this long (behind newer time stamps): the site turns stale
 * feed.aachen.tls.pkcs12=/etc/parkleit/mobilithek.p12
 * feed.aachen.tls.passwordEnv=MOBILITHEK_P12_PASSWORD
 * feed.aachen.id.P1=p01-eurogress
 * </pre>
 * Exactly one of {@code url} or {@code file}. Client certificate: {@code tls.pkcs12} (+ {@code tls.passwordEnv})
 * or {@code tls.cert} + {@code tls.key} (PEM); {@code tls.ca} (PEM) adds a trusted CA.
 */
public record FeedSource(String name, FeedFormat format, String url, Path file, Duration interval, long maxBytes,
                         Map<String, String> idMap, boolean identityIds, Duration maxFuture,
                         Path pkcs12, String passwordEnv, Path pemCert, Path pemKey, Path trustCa,
                         Duration staleAfter, boolean takeInUnknown) {

    public FeedSource {
        if ((url == null) == (file == null)) {
            throw new IllegalArgumentException("feed " + name + ": set exactly one of url or file");
        }
        idMap = Map.copyOf(idMap);
        if (staleAfter != null && (staleAfter.isNegative() || staleAfter.isZero())) {
            throw new IllegalArgumentException("feed " + name + ": staleAfter must be positive, got " + staleAfter);
        }
    }

    /** A feed without its own stale limit that rejects unknown sites (or uses their ids, {@code identityIds}). */
    public FeedSource(String name, FeedFormat format, String url, Path file, Duration interval, long maxBytes,
                      Map<String, String> idMap, boolean identityIds, Duration maxFuture,
                      Path pkcs12, String passwordEnv, Path pemCert, Path pemKey, Path trustCa) {
        this(name, format, url, file, interval, maxBytes, idMap, identityIds, maxFuture, pkcs12, passwordEnv, pemCert,
                pemKey, trustCa, null, false);
    }

    /** The same feed with more source id → facility id mappings (sites taken in as new facilities). */
    public FeedSource withIds(Map<String, String> more) {
        Map<String, String> m = new HashMap<>(idMap);
        m.putAll(more);
        return new FeedSource(name, format, url, file, interval, maxBytes, m, identityIds, maxFuture,
                pkcs12, passwordEnv, pemCert, pemKey, trustCa, staleAfter, takeInUnknown);
    }

    /** The same feed with its own stale limit. */
    public FeedSource withStaleAfter(Duration limit) {
        return new FeedSource(name, format, url, file, interval, maxBytes, idMap, identityIds, maxFuture,
                pkcs12, passwordEnv, pemCert, pemKey, trustCa, limit, takeInUnknown);
    }

    /** The same feed with a client certificate ({@code feed check --url}). */
    public FeedSource withTls(Path newPkcs12, String newPasswordEnv, Path newPemCert, Path newPemKey, Path newTrustCa) {
        return new FeedSource(name, format, url, file, interval, maxBytes, idMap, identityIds, maxFuture,
                newPkcs12, newPasswordEnv, newPemCert, newPemKey, newTrustCa, staleAfter, takeInUnknown);
    }

    /** The same feed read from {@code url} instead (e.g. a recording served locally). */
    public FeedSource withUrl(String newUrl) {
        return new FeedSource(name, format, newUrl, null, interval, maxBytes, idMap, identityIds, maxFuture,
                pkcs12, passwordEnv, pemCert, pemKey, trustCa, staleAfter, takeInUnknown);
    }

    /** A feed read once, e.g. by {@code feed check}. */
    public static FeedSource adHoc(FeedFormat format, String url, Path file) {
        return new FeedSource("check", format, url, file, Duration.ofSeconds(60), 20_000_000, Map.of(), true,
                Duration.ofMinutes(5), null, null, null, null, null);
    }

    public static List<FeedSource> load(Path feedsProperties) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(feedsProperties)) {
            p.load(r);
        }
        Path dir = feedsProperties.toAbsolutePath().getParent();
        TreeSet<String> names = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("feed.") && k.indexOf('.', 5) > 5) {
                names.add(k.substring(5, k.indexOf('.', 5)));
            }
        }
        List<FeedSource> out = new ArrayList<>();
        for (String n : names) {
            String pre = "feed." + n + ".";
            Map<String, String> ids = new HashMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith(pre + "id.")) {
                    ids.put(k.substring((pre + "id.").length()), p.getProperty(k).trim());
                }
            }
            String unknown = p.getProperty(pre + "unknown", "reject").trim();
            if (!unknown.equals("reject") && !unknown.equals("identity") && !unknown.equals("create")) {
                throw new IllegalArgumentException(pre + "unknown must be reject, identity or create: " + unknown);
            }
            String stale = p.getProperty(pre + "staleAfter");
            out.add(new FeedSource(n, FeedFormat.parse(p.getProperty(pre + "format")),
                    p.getProperty(pre + "url"), path(dir, p.getProperty(pre + "file")),
                    Duration.parse(p.getProperty(pre + "interval", "PT60S").trim()),
                    Long.parseLong(p.getProperty(pre + "maxBytes", "20000000").trim()),
                    ids, unknown.equals("identity"),
                    Duration.parse(p.getProperty(pre + "maxFuture", "PT5M").trim()),
                    path(dir, p.getProperty(pre + "tls.pkcs12")), p.getProperty(pre + "tls.passwordEnv"),
                    path(dir, p.getProperty(pre + "tls.cert")), path(dir, p.getProperty(pre + "tls.key")),
                    path(dir, p.getProperty(pre + "tls.ca")),
                    stale == null || stale.isBlank() ? null : Duration.parse(stale.trim()), unknown.equals("create")));
        }
        return out;
    }

    private static Path path(Path dir, String s) {
        return s == null || s.isBlank() ? null : dir.resolve(s.trim());
    }
}
