package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.facility.Facility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Versions of the published records: a checksum of what the table says about a facility, so the version stays the
 * same across restarts and instances and changes when the facility's table entry does. Status records reference
 * the table record with it.
 */
final class RecordVersion {

    private RecordVersion() {
    }

    static String of(Facility f) {
        return crc(String.join("\u0000", f.id(), f.name(), f.type().name(), Double.toString(f.lat()),
                Double.toString(f.lon()), Integer.toString(f.capacity()), f.address(), f.openingHours(), f.url()));
    }

    /** The table's version: a checksum over its records' versions, in order. */
    static String ofTable(List<String> recordVersions) {
        return crc(String.join(",", recordVersions));
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }
}
