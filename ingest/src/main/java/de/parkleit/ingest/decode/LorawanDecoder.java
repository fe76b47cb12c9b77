package de.parkleit.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import de.parkleit.core.reading.Reading;
import java.time.Instant;
import java.util.List;

/**
 * Uplinks of LoRaWAN network servers on {@code {root}/lorawan/{app}/uplink}: The Things Stack v3
 * ({@code end_device_ids.dev_eui}, {@code uplink_message.decoded_payload}, {@code received_at}) and
 * ChirpStack v4 ({@code deviceInfo.devEui}, {@code object}, {@code time}). The device EUI is looked
 * up in the {@link DeviceMap}; the decoded values use the native v1 field names, the reading time
 * is the network server's receive time and the frame counter is the default counter sequence.
 */
public final class LorawanDecoder implements PayloadDecoder {

    private final int maxBytes;
    private final DeviceMap devices;
    private final MappedValues values;

    public LorawanDecoder(int maxBytes, DeviceMap devices, NativeDecoder nat) {
        this.maxBytes = maxBytes;
        this.devices = devices;
        this.values = new MappedValues(nat);
    }

    @Override
    public List<Reading> decode(String app, String sub, byte[] payload) {
        JsonPayload uplink = JsonPayload.parseObject(payload, maxBytes);
        if (uplink.has("end_device_ids")) {
            return List.of(theThingsStack(uplink));
        }
        if (uplink.has("deviceInfo")) {
            return List.of(chirpStack(uplink));
        }
        throw new RejectedException(RejectReason.MALFORMED_JSON,
                "neither a The Things Stack v3 uplink (end_device_ids) nor a ChirpStack v4 uplink (deviceInfo)");
    }

    private Reading theThingsStack(JsonPayload uplink) {
        JsonPayload ids = JsonPayload.of(uplink.get("end_device_ids"), "end_device_ids");
        if (!uplink.has("uplink_message")) {
            throw new RejectedException(RejectReason.MISSING_FIELD, "not an uplink: no \"uplink_message\"");
        }
        JsonPayload msg = JsonPayload.of(uplink.get("uplink_message"), "uplink_message");
        DeviceMap.Target target = target(ids.requiredString("dev_eui"));
        if (!msg.has("decoded_payload")) {
            throw new RejectedException(RejectReason.MISSING_FIELD, "uplink_message has no \"decoded_payload\" (no payload formatter?)");
        }
        JsonPayload decoded = JsonPayload.of(msg.get("decoded_payload"), "decoded_payload");
        Instant ts = msg.has("received_at") ? msg.requiredTimestamp("received_at") : uplink.requiredTimestamp("received_at");
        return values.reading(target, decoded, ts, frameCount(msg, "f_cnt"));
    }

    private Reading chirpStack(JsonPayload uplink) {
        JsonPayload info = JsonPayload.of(uplink.get("deviceInfo"), "deviceInfo");
        DeviceMap.Target target = target(info.requiredString("devEui"));
        if (!uplink.has("object")) {
            throw new RejectedException(RejectReason.MISSING_FIELD, "uplink has no \"object\" (no codec in the device profile?)");
        }
        JsonPayload decoded = JsonPayload.of(uplink.get("object"), "object");
        return values.reading(target, decoded, uplink.requiredTimestamp("time"), frameCount(uplink, "fCnt"));
    }

    private DeviceMap.Target target(String eui) {
        return devices.lookup(eui).orElseThrow(() -> new RejectedException(RejectReason.UNKNOWN_DEVICE,
                "device " + (eui.length() > 40 ? eui.substring(0, 40) : eui) + " is not in the device mapping"));
    }

    private static long frameCount(JsonPayload p, String field) {
        if (!p.has(field)) {
            return 0;
        }
        JsonNode v = p.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new RejectedException(RejectReason.WRONG_TYPE, field + " must be a non-negative integer");
        }
        return v.longValue();
    }
}
