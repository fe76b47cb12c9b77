package de.parkleit.simulator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes readings in each {@link PayloadFormat}. LoRaWAN uplinks carry the native JSON both as
 * {@code frm_payload}/{@code data} (base64) and decoded ({@code decoded_payload}/{@code object}),
 * with the ids added: {@code type} (occupancy, counts, space, traffic), {@code facility},
 * {@code space} or {@code detector}; the device is named after them. SenML records use base name
 * {@code urn:parkleit:{id}:} (space: {@code {facility}:{space}:}), base time in epoch seconds and
 * the native field names. Keeps an uplink frame counter per device; not thread-safe.
 */
public final class GatewayEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Topics topics;
    private final String lorawanApp;
    private final Map<String, Long> frameCounters = new HashMap<>();

    public GatewayEncoder(Topics topics, String lorawanApp) {
        this.topics = topics;
        this.lorawanApp = lorawanApp;
    }

    public WireMessage encode(Reading r, PayloadFormat format) {
        return switch (format) {
            case NATIVE -> new WireMessage(nativeTopic(r), ReadingCodec.encode(r));
            case SENML -> new WireMessage(nativeTopic(r), bytes(senml(r)));
            case TTN -> new WireMessage(topics.lorawanUplink(lorawanApp), bytes(ttn(r)));
            case CHIRPSTACK -> new WireMessage(topics.lorawanUplink(lorawanApp), bytes(chirpstack(r)));
        };
    }

    public String nativeTopic(Reading r) {
        if (r instanceof OccupancyReading o) {
            return topics.occupancy(o.facilityId());
        } else if (r instanceof CountsReading c) {
            return topics.counts(c.facilityId());
        } else if (r instanceof SpaceReading s) {
            return topics.space(s.facilityId(), s.spaceId());
        }
        return topics.traffic(((TrafficReading) r).detectorId());
    }

    /** The native fields plus type and ids: what a payload formatter in the network server would decode. */
    static ObjectNode decoded(Reading r) {
        ObjectNode n = (ObjectNode) read(ReadingCodec.encode(r));
        n.remove("ts");
        if (r instanceof OccupancyReading o) {
            n.put("type", "occupancy").put("facility", o.facilityId());
        } else if (r instanceof CountsReading c) {
            n.put("type", "counts").put("facility", c.facilityId());
        } else if (r instanceof SpaceReading s) {
            n.put("type", "space").put("facility", s.facilityId()).put("space", s.spaceId());
        } else if (r instanceof TrafficReading t) {
            n.put("type", "traffic").put("detector", t.detectorId());
        }
        return n;
    }

    static String deviceId(Reading r) {
        if (r instanceof SpaceReading s) {
            return s.facilityId() + "-" + s.spaceId();
        }
        return r.seriesId();
    }

    static String devEui(String deviceId) {
        return String.format(Locale.ROOT, "%016X", de.parkleit.simulator.profile.Mix.mix(deviceId.hashCode()));
    }

    private ObjectNode ttn(Reading r) {
        String device = deviceId(r);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ids = root.putObject("end_device_ids");
        ids.put("device_id", device).putObject("application_ids").put("application_id", lorawanApp);
        ids.put("dev_eui", devEui(device));
        root.put("received_at", r.ts().toString());
        ObjectNode up = root.putObject("uplink_message");
        up.put("f_port", 1).put("f_cnt", nextFrame(device));
        up.put("frm_payload", Base64.getEncoder().encodeToString(ReadingCodec.encode(r)));
        up.set("decoded_payload", decoded(r));
        up.put("received_at", r.ts().toString());
        return root;
    }

    private ObjectNode chirpstack(Reading r) {
        String device = deviceId(r);
        ObjectNode root = JSON.createObjectNode();
        root.put("deduplicationId", java.util.UUID.nameUUIDFromBytes((device + r.ts()).getBytes()).toString());
        root.put("time", r.ts().toString());
        root.putObject("deviceInfo").put("tenantName", "parkleit").put("applicationName", lorawanApp)
                .put("deviceName", device).put("devEui", devEui(device).toLowerCase(Locale.ROOT));
        root.put("fCnt", nextFrame(device)).put("fPort", 1);
        root.put("data", Base64.getEncoder().encodeToString(ReadingCodec.encode(r)));
        root.set("object", decoded(r));
        return root;
    }

    static ArrayNode senml(Reading r) {
        ArrayNode a = JSON.createArrayNode();
        String base = r instanceof SpaceReading s ? s.facilityId() + ":" + s.spaceId() : r.seriesId();
        double bt = r.ts().getEpochSecond() + r.ts().getNano() / 1e9;
        boolean first = true;
        var fields = decoded(r).fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().equals("type") || f.getKey().equals("facility") || f.getKey().equals("space") || f.getKey().equals("detector")) {
                continue;
            }
            ObjectNode rec = a.addObject();
            if (first) {
                rec.put("bn", "urn:parkleit:" + base + ":").put("bt", bt);
                first = false;
            }
            rec.put("n", f.getKey());
            JsonNode v = f.getValue();
            if (v.isBoolean()) {
                rec.put("vb", v.asBoolean());
            } else if (v.isNumber()) {
                rec.put("v", v.numberValue().doubleValue());
            } else {
                rec.put("vs", v.asText());
            }
        }
        return a;
    }

    private long nextFrame(String device) {
        return frameCounters.merge(device, 1L, Long::sum);
    }

    private static JsonNode read(byte[] b) {
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode n) {
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
