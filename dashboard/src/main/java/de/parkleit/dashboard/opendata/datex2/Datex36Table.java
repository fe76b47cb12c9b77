package de.parkleit.dashboard.opendata.datex2;

import static de.parkleit.dashboard.opendata.datex2.Datex36.COM;
import static de.parkleit.dashboard.opendata.datex2.Datex36.FAC;
import static de.parkleit.dashboard.opendata.datex2.Datex36.LOC;
import static de.parkleit.dashboard.opendata.datex2.Datex36.PRK;

import de.parkleit.core.facility.Facility;
import java.time.Instant;

/**
 * DATEX II v3.6 {@code ParkingTablePublication}: one {@code parkingTable} with a {@code prk:Place} per facility:
 * name, operator URL ({@code informationWebsite}), opening hours ({@code fac:OpenAllHours} for {@code 24/7}, else an
 * {@code OperatingHoursSpecification} where {@link OpeningHours} reads them), position ({@code loc:PointLocation}),
 * capacity ({@code supply}), layout and the thresholds ({@code thresholdConfiguration}, in percent of occupancy).
 */
final class Datex36Table {

    private Datex36Table() {
    }

    static String write(Publisher p, Instant now) {
        XmlOut x = Datex36.open(p, now, "prk:ParkingTablePublication", 1_000 + 2_100 * p.entries().size());
        Datex36.header(x);
        x.start("prk", "parkingTable", PRK);
        x.attr("id", p.tableId());
        x.attr("version", p.tableVersion());
        Datex36.multilingual(x, "prk", PRK, "name", "parkleit " + p.city());
        x.text("prk", "versionTime", PRK, p.tableTimeText());
        for (Facility f : p.board().facilities()) {
            place(x, p, f);
        }
        x.end();
        return Datex36.close(x);
    }

    private static void place(XmlOut x, Publisher p, Facility f) {
        Publisher.Entry e = p.entry(f);
        x.start("prk", "hierarchyElementGeneral", PRK, "prk:Place");
        x.attr("id", f.id());
        x.attr("version", e.version());
        Datex36.multilingual(x, "fac", FAC, "name", f.name());
        x.text("fac", "lastUpdated", FAC, p.tableTimeText());
        if (!f.address().isBlank()) {
            Datex36.multilingual(x, "fac", FAC, "description", f.address().strip());
        }
        String url = e.url();
        if (url != null) {
            x.start("fac", "informationWebsite", FAC);
            x.text("com", "urlLinkAddress", COM, url);
            x.end();
        }
        if (e.hours() != null) {
            operatingHours(x, p, f, e.hours());
        }
        x.start("fac", "locationReference", FAC, "loc:PointLocation");
        x.start("loc", "pointByCoordinates", LOC);
        x.start("loc", "pointCoordinates", LOC);
        x.text("loc", "latitude", LOC, e.lat());
        x.text("loc", "longitude", LOC, e.lon());
        x.end();
        x.end();
        x.end();
        x.text("prk", "layer", PRK, 0);
        x.text("prk", "type", PRK, "place");
        x.start("prk", "supply", PRK);
        x.text("prk", "quantity", PRK, f.capacity());
        x.text("prk", "viewType", PRK, "spaceView");
        x.end();
        x.text("prk", "layout", PRK, switch (f.type()) {
            case GARAGE, UNDERGROUND -> "building";
            case ON_STREET -> "layBy";
            default -> "openSpace";
        });
        x.start("prk", "commonComponents", PRK);
        x.start("prk", "thresholdConfiguration", PRK);
        statusConfiguration(x, "almostFull", PublishedThresholds.ALMOST_FULL_PERCENT, PublishedThresholds.FULL_PERCENT);
        statusConfiguration(x, "full", PublishedThresholds.FULL_PERCENT, PublishedThresholds.FULL_PERCENT);
        x.end();
        x.end();
        x.end();
    }

    private static void statusConfiguration(XmlOut x, String status, int lowerPercent, int upperPercent) {
        x.start("prk", "statusConfiguration", PRK);
        x.text("prk", "parkingStatus", PRK, status);
        x.start("prk", "thresholds", PRK, "prk:OccupiedSpacesThresholds");
        x.text("prk", "lowerThresholdInPercent", PRK, lowerPercent);
        x.text("prk", "upperThresholdInPercent", PRK, upperPercent);
        x.end();
        x.end();
    }

    private static void operatingHours(XmlOut x, Publisher p, Facility f, OpeningHours h) {
        if (h.always()) {
            x.empty("fac", "operatingHours", FAC);
            x.xsiType("fac:OpenAllHours");
            return;
        }
        x.start("fac", "operatingHours", FAC, "fac:OperatingHoursSpecification");
        x.attr("id", f.id() + "-hours");
        x.attr("version", p.versionOf(f));
        x.start("fac", "overallPeriod", FAC);
        x.text("com", "overallStartTime", COM, p.tableTimeText());
        for (OpeningHours.Rule r : h.rules()) {
            x.start("com", "validPeriod", COM);
            x.start("com", "recurringTimePeriodOfDay", COM);
            x.text("com", "startTimeOfPeriod", COM, r.fromText());
            x.text("com", "endTimeOfPeriod", COM, r.toText());
            x.end();
            x.start("com", "recurringDayWeekMonthPeriod", COM);
            for (String d : r.dayNames()) {
                x.text("com", "applicableDay", COM, d);
            }
            x.end();
            x.end();
        }
        x.end();
        x.end();
    }
}
