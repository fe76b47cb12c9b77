package de.parkleit.ingest.testing;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import java.util.ArrayList;
import java.util.List;

/** Small cities for tests. */
public final class TestCities {

    private TestCities() {
    }

    /** Facilities {@code P1..Pn}, capacity 100 each. */
    public static City small(int n) {
        List<Facility> fs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            fs.add(new Facility("P" + i, "Garage " + i, FacilityType.values()[0], 49.4, 8.69, 100, ""));
        }
        return new City("Testtown", fs, null, null);
    }
}
