package de.parkleit.cityinit;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.area.BoundaryArea;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.facilities.ImportedFacility;
import java.nio.file.Path;
import java.util.List;

/** How the user names the area: exactly one of a bbox, a boundary file or a distance around the facilities. */
public record AreaSpec(BoundingBox bbox, Path boundary, Double aroundKm) {

    public AreaSpec {
        int given = (bbox != null ? 1 : 0) + (boundary != null ? 1 : 0) + (aroundKm != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of --bbox, --boundary, --around-facilities");
        }
        if (aroundKm != null && !(aroundKm > 0 && aroundKm <= 100)) {
            throw new IllegalArgumentException("--around-facilities must be a distance in km within (0, 100], got " + aroundKm);
        }
    }

    public boolean needsFacilities() {
        return aroundKm != null;
    }

    Area resolve(List<ImportedFacility> facilities) {
        if (bbox != null) {
            return bbox;
        }
        if (boundary != null) {
            return BoundaryArea.read(boundary);
        }
        return new FacilitySpread(facilities).box(aroundKm);
    }
}
