package de.parkleit.signbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.sign.SignFrame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the bridge's part of a city's {@code signs.geojson} (guidance reads the rest): for each
 * sign ({@code id}, {@code name}, Point, {@code heading}) the optional properties
 * <ul>
 *   <li>{@code driver}: {@code log} (default), {@code http-json}, {@code iris-msgfeed}, {@code datex2-vms};</li>
 *   <li>{@code driverUrl} (http-json, required): the controller's URL, {@code {sign}} is replaced by the sign id;</li>
 *   <li>{@code driverMethod}: {@code PUT} (default) or {@code POST};</li>
 *   <li>{@code driverAuthEnv}: the name of an environment variable whose value is sent as the {@code Authorization}
 *       header (secrets never stand in the file); a name whose variable is not set is an error;</li>
 *   <li>{@code driverTimeoutMs} (default 2000) and {@code driverRetries} (default 2);</li>
 *   <li>{@code irisName}: the DMS name in the IRIS message feed (default the sign id);</li>
 *   <li>{@code safeText}: {@code dash} or {@code blank} (default: {@code PARKLEIT_SIGNBRIDGE_SAFE_TEXT}).</li>
 * </ul>
 * Any error names the file, the feature and the property.
 */
public final class BridgeSignsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BridgeSignsFile() {
    }

    /** @param env the environment, for {@code driverAuthEnv} */
    public static List<BridgeSign> read(Path file, SafeText defaultSafe, Function<String, String> env) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), defaultSafe, env);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<BridgeSign> parse(InputStream in, String source, SafeText defaultSafe, Function<String, String> env) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw new IllegalArgumentException(source + ": expected a GeoJSON FeatureCollection");
        }
        List<BridgeSign> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode f : root.path("features")) {
            String where = source + ": feature " + i++;
            try {
                BridgeSign s = sign(f, defaultSafe, env);
                if (!ids.add(s.id())) {
                    throw new IllegalArgumentException("duplicate sign id " + s.id());
                }
                out.add(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static BridgeSign sign(JsonNode f, SafeText defaultSafe, Function<String, String> env) {
        JsonNode c = f.path("geometry").path("coordinates");
        if (!"Point".equals(f.path("geometry").path("type").asText()) || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("geometry must be a Point [lon, lat]");
        }
        JsonNode p = f.path("properties");
        String id = p.path("id").asText(null);
        if (!p.path("heading").isNumber()) {
            throw new IllegalArgumentException("property 'heading' (degrees) is required");
        }
        SignFrame bare = new SignFrame(id, p.path("name").asText(id == null ? "" : id), c.get(1).asDouble(), c.get(0).asDouble(),
                p.get("heading").asDouble() % 360, List.of(), Instant.EPOCH, Instant.EPOCH);
        String kind = p.path("driver").asText("log");
        HttpJsonDriver.HttpJsonSpec http = null;
        if (kind.equals("http-json")) {
            String auth = null;
            if (p.hasNonNull("driverAuthEnv")) {
                String var = p.get("driverAuthEnv").asText();
                auth = env.apply(var);
                if (auth == null || auth.isBlank()) {
                    throw new IllegalArgumentException("driverAuthEnv names " + var + ", which is not set");
                }
            }
            http = new HttpJsonDriver.HttpJsonSpec(p.path("driverUrl").asText(null), p.path("driverMethod").asText("PUT"), auth,
                    Duration.ofMillis(integer(p, "driverTimeoutMs", 2000)), integer(p, "driverRetries", 2));
        } else if (p.has("driverUrl")) {
            throw new IllegalArgumentException("driverUrl is only for the http-json driver, the sign has driver " + kind);
        }
        SafeText safe = p.has("safeText") ? SafeText.parse(p.get("safeText").asText()) : defaultSafe;
        return new BridgeSign(bare, kind, http, p.path("irisName").asText(id), safe);
    }

    private static int integer(JsonNode p, String field, int def) {
        JsonNode v = p.get(field);
        if (v == null) {
            return def;
        }
        if (!v.canConvertToExactIntegral()) {
            throw new IllegalArgumentException(field + " must be an integer, got " + v);
        }
        return v.intValue();
    }
}
