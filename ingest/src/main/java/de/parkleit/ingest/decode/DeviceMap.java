package de.parkleit.ingest.decode;

import de.parkleit.core.Ids;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps devices (LoRaWAN device EUIs, SenML device names) to what they measure. Read from a CSV file
 * with lines {@code device,kind,id[,space[,field]]}, {@code #} starts a comment:
 * <pre>
 * 0004A30B001C0530,space,P12,S7
 * 70B3D57ED0001234,occupancy,P3
 * 70B3D57ED0005678,counts,P3
 * urn:dev:mac:0024befffe804ff1,traffic,D7
 * A84041000181C2F1,space,P12,S8,parking_status
 * </pre>
 * EUIs match regardless of case and of {@code -}/{@code :} separators.
 */
public final class DeviceMap {

    /** What a device's values mean. */
    public enum Kind { OCCUPANCY, COUNTS, SPACE, TRAFFIC }

    /**
     * @param id    facility id (detector id for traffic)
     * @param space space id for {@link Kind#SPACE}, else null
     * @param field name of the decoded field holding the value of a space sensor, or null for the default {@code occupied}
     */
    public record Target(Kind kind, String id, String space, String field) {
    }

    private final Map<String, Target> byKey;

    public DeviceMap(Map<String, Target> byKey) {
        this.byKey = new HashMap<>();
        byKey.forEach((k, v) -> this.byKey.put(normalise(k), v));
    }

    public static DeviceMap empty() {
        return new DeviceMap(Map.of());
    }

    /** Parses the CSV; throws IllegalArgumentException naming the line of the first error. */
    public static DeviceMap parse(Reader in, String source) throws IOException {
        Map<String, Target> m = new HashMap<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || (no == 1 && t.toLowerCase(Locale.ROOT).startsWith("device,"))) {
                continue;
            }
            String[] c = t.split(",", -1);
            try {
                Target target = target(c);
                if (m.put(normalise(c[0].strip()), target) != null) {
                    throw new IllegalArgumentException("device " + c[0].strip() + " is mapped twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + no + ": " + e.getMessage(), e);
            }
        }
        return new DeviceMap(m);
    }

    private static Target target(String[] c) {
        if (c.length < 3 || c[0].isBlank()) {
            throw new IllegalArgumentException("expected device,kind,id[,space[,field]]");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(c[1].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be occupancy, counts, space or traffic, got " + c[1].strip());
        }
        String id = Ids.require(c[2].strip(), "id");
        String space = c.length > 3 && !c[3].isBlank() ? Ids.require(c[3].strip(), "space id") : null;
        if (kind == Kind.SPACE && space == null) {
            throw new IllegalArgumentException("a space device needs a space id");
        }
        String field = c.length > 4 && !c[4].isBlank() ? c[4].strip() : null;
        return new Target(kind, id, space, field);
    }

    public Optional<Target> lookup(String device) {
        return device == null ? Optional.empty() : Optional.ofNullable(byKey.get(normalise(device)));
    }

    public int size() {
        return byKey.size();
    }

    static String normalise(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        String hex = k.replace("-", "").replace(":", "");
        return hex.matches("[0-9a-f]{16}") ? hex : k;
    }
}
