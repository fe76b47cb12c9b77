package de.parkleit.cityinit.check;

import de.parkleit.cityinit.facilities.ImportedFacility;
import java.util.List;

/**
 * The result of the checks on a city: the findings, each facility's entrance snap, the facilities
 * that can run (capacity known, on the network) and those kept aside with the reason.
 */
public record CheckReport(List<Finding> findings, List<EntranceSnap> snaps, List<ImportedFacility> usable,
                          List<Unconfirmed> unconfirmed, String markdown) {

    /** A facility kept out of {@code facilities.geojson} until a planner fixes it. */
    public record Unconfirmed(ImportedFacility facility, String reason) {
    }

    public long count(Finding.Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
