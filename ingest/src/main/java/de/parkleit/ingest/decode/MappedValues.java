package de.parkleit.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns the decoded values of a mapped device (a LoRaWAN {@code decoded_payload}/{@code object} or a
 * group of SenML records) into a reading, using the native v1 field names.
 */
final class MappedValues {

    private final NativeDecoder nat;

    MappedValues(NativeDecoder nat) {
        this.nat = nat;
    }

    /**
     * @param values     decoded values of one device
     * @param ts         when the device sent them
     * @param frameCount LoRaWAN frame counter, the default sequence number of counters
     */
    Reading reading(DeviceMap.Target target, JsonPayload values, Instant ts, long frameCount) {
        return switch (target.kind()) {
            case OCCUPANCY -> nat.occupancy(target.id(), values, ts);
            case COUNTS -> nat.counts(target.id(), values, ts, values.has("seq") ? null : frameCount);
            case TRAFFIC -> nat.traffic(target.id(), values, ts);
            case SPACE -> new SpaceReading(target.id(), target.space(), ts,
                    occupied(values, target.field() == null ? "occupied" : target.field()));
        };
    }

    /** A space sensor's value: true/false, 1/0, or "occupied"/"free" (also "vacant", "empty"). */
    static boolean occupied(JsonPayload values, String field) {
        if (!values.has(field)) {
            throw new RejectedException(RejectReason.MISSING_FIELD, "decoded values have no \"" + field + "\"");
        }
        JsonNode v = values.get(field);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && (v.longValue() == 0 || v.longValue() == 1)) {
            return v.longValue() == 1;
        }
        if (v.isTextual()) {
            switch (v.textValue().toLowerCase(Locale.ROOT)) {
                case "occupied":
                    return true;
                case "free":
                case "vacant":
                case "empty":
                    return false;
                default:
                    break;
            }
        }
        throw new RejectedException(RejectReason.WRONG_TYPE, "\"" + field + "\" must be true/false, 1/0 or \"occupied\"/\"free\"");
    }
}
