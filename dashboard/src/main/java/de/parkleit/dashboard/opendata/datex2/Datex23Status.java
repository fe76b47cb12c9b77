package de.parkleit.dashboard.opendata.datex2;

import static de.parkleit.dashboard.opendata.datex2.Datex23.NS;

import de.parkleit.core.facility.Facility;
import java.time.Instant;

/**
 * DATEX II v2.3 {@code ParkingStatusPublication}: a reference to the table, then a {@code ParkingSiteStatus} per
 * facility with origin time, the operator's reason and period when an override is in force, occupancy (capacity,
 * vacant, occupied, percent, trend; empty without a current count or when closed), the thresholds (percent of
 * occupancy), site status ({@code spacesAvailable}, {@code almostFull}, {@code full}, {@code unknown}; left out when
 * closed: the enumeration has no closed) and opening status ({@code open}, {@code closed}, {@code closedAbnormal}
 * for an operator reservation, {@code statusUnknown}).
 */
final class Datex23Status {

    private Datex23Status() {
    }

    static String write(Publisher p, Instant now) {
        XmlOut x = Datex23.open(p, now, "ParkingStatusPublication", 1_000 + 1_100 * p.entries().size());
        x.start("", "parkingStatusPublication", NS);
        x.empty("", "parkingTableReference", NS);
        x.attr("targetClass", "ParkingTable");
        x.attr("id", p.tableId());
        x.attr("version", p.tableVersion());
        Datex23.header(x);
        String nowText = now.toString();
        for (Facility f : p.board().facilities()) {
            status(x, p, SiteStatus.of(p.board(), f), nowText);
        }
        x.end();
        return Datex23.close(x);
    }

    private static void status(XmlOut x, Publisher p, SiteStatus s, String nowText) {
        x.start("", "parkingRecordStatus", NS, "ParkingSiteStatus");
        x.empty("", "parkingRecordReference", NS);
        x.attr("targetClass", "ParkingRecord");
        x.attr("id", s.facility().id());
        x.attr("version", p.versionOf(s.facility()));
        x.text("", "parkingStatusOriginTime", NS, s.updatedAt() == null ? nowText : s.updatedAt().toString());
        if (s.operation() != null) {
            Datex23.multilingual(x, "parkingStatusDescription", s.operation().reason());
        }
        x.start("", "parkingOccupancy", NS);
        if (s.hasCounts()) {
            x.text("", "parkingNumberOfSpacesOverride", NS, s.capacity());
            x.text("", "parkingNumberOfVacantSpaces", NS, s.free());
            x.text("", "parkingNumberOfOccupiedSpaces", NS, s.occupied());
            x.text("", "parkingOccupancy", NS, Double.toString(s.occupancyPercent()));
            x.text("", "parkingOccupancyTrend", NS, s.occupancyTrend());
        }
        x.end();
        if (s.operation() != null) {
            x.start("", "parkingStatusValidity", NS);
            x.start("", "validityTimeSpecification", NS);
            x.text("", "overallStartTime", NS, s.operation().at().toString());
            x.text("", "overallEndTime", NS, s.operation().until().toString());
            x.end();
            x.end();
        }
        Datex23.thresholds(x, "overrideParkingThresholds");
        String siteStatus = s.siteStatus();
        if (siteStatus != null) {
            x.text("", "parkingSiteStatus", NS, siteStatus);
        }
        x.text("", "parkingSiteOpeningStatus", NS, switch (s.opening()) {
            case OPEN -> "open";
            case CLOSED -> "closed";
            case RESERVED -> "closedAbnormal";
            case UNKNOWN -> "statusUnknown";
        });
        x.end();
    }
}
