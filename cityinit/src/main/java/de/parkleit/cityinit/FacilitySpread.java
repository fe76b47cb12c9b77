package de.parkleit.cityinit;

import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.facilities.ImportedFacility;
import java.util.List;
import java.util.Locale;

/** Where a list of facilities lies: the box around them and its centre, for areas and error messages. */
final class FacilitySpread {

    private final double minLat;
    private final double maxLat;
    private final double minLon;
    private final double maxLon;

    FacilitySpread(List<ImportedFacility> facilities) {
        if (facilities.isEmpty()) {
            throw new IllegalArgumentException("no facilities");
        }
        minLat = facilities.stream().mapToDouble(ImportedFacility::lat).min().orElseThrow();
        maxLat = facilities.stream().mapToDouble(ImportedFacility::lat).max().orElseThrow();
        minLon = facilities.stream().mapToDouble(ImportedFacility::lon).min().orElseThrow();
        maxLon = facilities.stream().mapToDouble(ImportedFacility::lon).max().orElseThrow();
    }

    BoundingBox box(double km) {
        return BoundingBox.around(minLat, minLon, maxLat, maxLon, km);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "within %.5f,%.5f,%.5f,%.5f (W,S,E,N), around lat %.4f lon %.4f",
                minLon, minLat, maxLon, maxLat, (minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }
}
