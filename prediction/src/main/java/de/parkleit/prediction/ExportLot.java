package de.parkleit.prediction;

import de.parkleit.core.Ids;
import java.util.Locale;
import java.util.Objects;

/**
 * A car park of an occupancy export: its column header there, the facility id used inside parkleit and its
 * capacity.
 */
public record ExportLot(String column, String facilityId, int capacity) {

    public ExportLot {
        Objects.requireNonNull(column, "column");
        Ids.require(facilityId, "facility id of column " + column);
        if (capacity <= 0) {
            throw new IllegalArgumentException("lot " + column + ": capacity must be > 0, got " + capacity);
        }
    }

    /** A valid facility id made from a column header: {@code "PH Alter Steinweg"} becomes {@code ph-alter-steinweg}. */
    public static String idFromColumn(String column) {
        String ascii = column.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String id = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (id.isEmpty()) {
            id = "lot";
        }
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
