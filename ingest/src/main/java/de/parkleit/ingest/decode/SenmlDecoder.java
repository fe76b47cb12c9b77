package de.parkleit.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.Ids;
import de.parkleit.core.reading.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SenML JSON packs (RFC 8428) on {@code {root}/senml/{gateway}}. A record's resolved name
 * ({@code bn + n}) says what it measures, either directly:
 * {@code parkleit:facility:{id}:free|occupied|capacity|status}, {@code parkleit:counts:{id}:entered|exited|seq},
 * {@code parkleit:space:{facility}:{space}:occupied}, {@code parkleit:traffic:{id}:count|interval|speed|occupancy},
 * or as {@code {device}:{field}} with the device in the {@link DeviceMap}. Records of one target and
 * time form one reading. Times follow RFC 8428: {@code bt + t}, values below 2^28 are relative to now.
 */
public final class SenmlDecoder implements PayloadDecoder {

    private static final double RELATIVE_LIMIT = 268_435_456; // 2^28
    private static final Map<String, String> TRAFFIC_FIELDS = Map.of(
            "count", "count", "interval", "intervalS", "speed", "speedKmh", "occupancy", "occupancyPct");

    private final int maxBytes;
    private final DeviceMap devices;
    private final MappedValues values;
    private final Supplier<Instant> now;

    public SenmlDecoder(int maxBytes, DeviceMap devices, NativeDecoder nat, Supplier<Instant> now) {
        this.maxBytes = maxBytes;
        this.devices = devices;
        this.values = new MappedValues(nat);
        this.now = now;
    }

    /** One reading being assembled: its target, time and native-named values. */
    private record Group(DeviceMap.Target target, Instant ts, ObjectNode values) {
    }

    @Override
    public List<Reading> decode(String gateway, String sub, byte[] payload) {
        JsonNode pack = JsonPayload.parse(payload, maxBytes);
        if (!pack.isArray() || pack.isEmpty()) {
            throw new RejectedException(RejectReason.MALFORMED_JSON, "a SenML pack must be a non-empty JSON array");
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        String bn = "";
        double bt = 0;
        Instant arrival = now.get();
        for (JsonNode node : pack) {
            JsonPayload rec = JsonPayload.of(node, "SenML record");
            if (rec.has("bn")) {
                bn = rec.requiredString("bn");
            }
            if (rec.has("bt")) {
                bt = rec.requiredDouble("bt");
            }
            String name = bn + (rec.has("n") ? rec.requiredString("n") : "");
            double t = bt + (rec.has("t") ? rec.requiredDouble("t") : 0);
            Instant ts = time(t, arrival);
            add(groups, name, ts, rec);
        }
        List<Reading> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            out.add(values.reading(g.target(), JsonPayload.of(g.values(), "SenML values"), g.ts(), 0));
        }
        return out;
    }

    private static Instant time(double t, Instant arrival) {
        if (!Double.isFinite(t) || Math.abs(t) > 1e11) {
            throw new RejectedException(RejectReason.BAD_TIMESTAMP, "SenML time out of range");
        }
        long micros = Math.round(t * 1e6);
        Instant base = Math.abs(t) < RELATIVE_LIMIT ? arrival : Instant.EPOCH;
        return base.plusNanos(micros * 1000);
    }

    private void add(Map<String, Group> groups, String name, Instant ts, JsonPayload rec) {
        int cut = name.lastIndexOf(':');
        if (cut <= 0 || cut == name.length() - 1) {
            throw new RejectedException(RejectReason.UNKNOWN_DEVICE, "SenML name " + shortName(name) + " has no device:field form");
        }
        String field = name.substring(cut + 1);
        DeviceMap.Target target = target(name.substring(0, cut));
        String nativeField = nativeField(target, field, name);
        JsonNode value = value(rec, name);
        if (target.kind() == DeviceMap.Kind.TRAFFIC && "speedKmh".equals(nativeField) && "m/s".equals(rec.optionalString("u"))) {
            value = JsonNodeFactory.instance.numberNode(value.doubleValue() * 3.6);
        }
        String key = target + "|" + ts;
        Group g = groups.computeIfAbsent(key, k -> new Group(target, ts, JsonNodeFactory.instance.objectNode()));
        if (g.values().has(nativeField)) {
            throw new RejectedException(RejectReason.MALFORMED_JSON, "SenML pack repeats " + shortName(name) + " at one time");
        }
        g.values().set(nativeField, value);
    }

    private DeviceMap.Target target(String device) {
        String[] p = device.split(":", -1);
        if (p.length >= 3 && p[0].equals("parkleit")) {
            DeviceMap.Kind kind = switch (p[1]) {
                case "facility" -> DeviceMap.Kind.OCCUPANCY;
                case "counts" -> DeviceMap.Kind.COUNTS;
                case "space" -> DeviceMap.Kind.SPACE;
                case "traffic" -> DeviceMap.Kind.TRAFFIC;
                default -> null;
            };
            int want = kind == DeviceMap.Kind.SPACE ? 4 : 3;
            if (kind != null && p.length == want && Ids.isValid(p[2]) && (want == 3 || Ids.isValid(p[3]))) {
                return new DeviceMap.Target(kind, p[2], want == 4 ? p[3] : null, null);
            }
            throw new RejectedException(RejectReason.UNKNOWN_DEVICE, "SenML name " + shortName(device) + " is not a parkleit name");
        }
        return devices.lookup(device).orElseThrow(() -> new RejectedException(RejectReason.UNKNOWN_DEVICE,
                "SenML device " + shortName(device) + " is not in the device mapping"));
    }

    private static String nativeField(DeviceMap.Target target, String field, String name) {
        String f = switch (target.kind()) {
            case OCCUPANCY -> List.of("free", "occupied", "capacity", "status").contains(field) ? field : null;
            case COUNTS -> List.of("entered", "exited", "seq").contains(field) ? field : null;
            case SPACE -> field.equals(target.field() == null ? "occupied" : target.field()) ? field : null;
            case TRAFFIC -> TRAFFIC_FIELDS.get(field);
        };
        if (f == null) {
            throw new RejectedException(RejectReason.UNKNOWN_DEVICE, "SenML name " + shortName(name) + " has an unknown field");
        }
        return f;
    }

    private static JsonNode value(JsonPayload rec, String name) {
        for (String k : List.of("v", "vb", "vs")) {
            if (rec.has(k)) {
                return rec.get(k);
            }
        }
        throw new RejectedException(RejectReason.MISSING_FIELD, "SenML record " + shortName(name) + " has no v, vb or vs");
    }

    private static String shortName(String s) {
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
    }
}
