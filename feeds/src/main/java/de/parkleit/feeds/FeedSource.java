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
 * feed.aachen.unknown=reject            # or identity: a source id not mapped is used as facility id
 * feed.aachen.tls.pkcs12=/etc/parkleit/mobilithek.p12
 * feed.aachen.tls.passwordEnv=MOBILITHEK_P12_PASSWORD
 * feed.aachen.id.P1=p01-eurogress
 * </pre>
 * Exactly one of {@code url} or {@code file}. Client certificate: {@code tls.pkcs12} (+ {@code tls.passwordEnv})
 * or {@code tls.cert} + {@code tls.key} (PEM); {@code tls.ca} (PEM) adds a trusted CA.
 */
public record FeedSource(String name, FeedFormat format, String url, Path file, Duration interval, long maxBytes,
                         Map<String, String> idMap, boolean identityIds, Duration maxFuture,
                         Path pkcs12, String passwordEnv, Path pemCert, Path pemKey, Path trustCa) {

    public FeedSource {
        if ((url == null) == (file == null)) {
            throw new IllegalArgumentException("feed " + name + ": set exactly one of url or file");
        }
        idMap = Map.copyOf(idMap);
    }

    /** The same feed read from {@code url} instead (e.g. a recording served locally). */
    public FeedSource withUrl(String newUrl) {
        return new FeedSource(name, format, newUrl, null, interval, maxBytes, idMap, identityIds, maxFuture,
                pkcs12, passwordEnv, pemCert, pemKey, trustCa);
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
            if (!unknown.equals("reject") && !unknown.equals("identity")) {
                throw new IllegalArgumentException(pre + "unknown must be reject or identity: " + unknown);
            }
            out.add(new FeedSource(n, FeedFormat.parse(p.getProperty(pre + "format")),
                    p.getProperty(pre + "url"), path(dir, p.getProperty(pre + "file")),
                    Duration.parse(p.getProperty(pre + "interval", "PT60S").trim()),
                    Long.parseLong(p.getProperty(pre + "maxBytes", "20000000").trim()),
                    ids, unknown.equals("identity"),
                    Duration.parse(p.getProperty(pre + "maxFuture", "PT5M").trim()),
                    path(dir, p.getProperty(pre + "tls.pkcs12")), p.getProperty(pre + "tls.passwordEnv"),
                    path(dir, p.getProperty(pre + "tls.cert")), path(dir, p.getProperty(pre + "tls.key")),
                    path(dir, p.getProperty(pre + "tls.ca"))));
        }
        return out;
    }

    private static Path path(Path dir, String s) {
        return s == null || s.isBlank() ? null : dir.resolve(s.trim());
    }
}
