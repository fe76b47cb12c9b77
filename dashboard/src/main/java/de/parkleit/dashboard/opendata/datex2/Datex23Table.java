package de.parkleit.dashboard.opendata.datex2;

import static de.parkleit.dashboard.opendata.datex2.Datex23.NS;

import de.parkleit.core.facility.Facility;
import java.time.Instant;

/**
 * DATEX II v2.3 {@code ParkingTablePublication}: one {@code parkingTable} with an {@code UrbanParkingSite} per
 * facility: name, version time, capacity, operator URL, position ({@code Point}), thresholds (percent of occupancy),
 * layout, address, opening times (from the OSM {@code opening_hours} where {@link OpeningHours} reads them) and
 * on/off-street type.
 */
final class Datex23Table {

    private Datex23Table() {
    }

    static String write(Publisher p, Instant now) {
        XmlOut x = Datex23.open(p, now, "ParkingTablePublication", 1_000 + 1_500 * p.entries().size());
        x.start("", "parkingTablePublication", NS);
        Datex23.header(x);
        x.start("", "parkingTable", NS);
        x.attr("id", p.tableId());
        x.attr("version", p.tableVersion());
        Datex23.multilingual(x, "parkingTableName", "parkleit " + p.city());
        x.text("", "parkingTableVersionTime", NS, p.tableTimeText());
        for (Facility f : p.board().facilities()) {
            record(x, p, f);
        }
        x.end();
        x.end();
        return Datex23.close(x);
    }

    private static void record(XmlOut x, Publisher p, Facility f) {
        Publisher.Entry e = p.entry(f);
        x.start("", "parkingRecord", NS, "UrbanParkingSite");
        x.attr("id", f.id());
        x.attr("version", e.version());
        Datex23.multilingual(x, "parkingName", f.name());
        x.text("", "parkingRecordVersionTime", NS, p.tableTimeText());
        x.text("", "parkingNumberOfSpaces", NS, f.capacity());
        String url = e.url();
        if (url != null) {
            x.text("", "urlLinkAddress", NS, url);
        }
        x.start("", "parkingLocation", NS, "Point");
        x.start("", "pointByCoordinates", NS);
        x.start("", "pointCoordinates", NS);
        x.text("", "latitude", NS, e.lat());
        x.text("", "longitude", NS, e.lon());
        x.end();
        x.end();
        x.end();
        Datex23.thresholds(x, "parkingThresholds");
        String layout = switch (f.type()) {
            case GARAGE -> "multiStorey";
            case UNDERGROUND -> "underground";
            case LOT, ON_STREET, PARK_AND_RIDE -> "openSpace";
            case OTHER -> null;
        };
        if (layout != null) {
            x.text("", "parkingLayout", NS, layout);
        }
        if (!f.address().isBlank()) {
            x.start("", "parkingSiteAddress", NS, "ContactDetails");
            x.attr("id", f.id() + "-address");
            x.attr("version", e.version());
            Datex23.multilingual(x, "contactDetailsAddress", f.address().strip());
            x.end();
        }
        if (e.hours() != null) {
            openingTimes(x, p, e.hours());
        }
        x.text("", "urbanParkingSiteType", NS, switch (f.type()) {
            case ON_STREET -> "onStreetParking";
            case OTHER -> "other";
            default -> "offStreetParking";
        });
        x.end();
    }

    private static void openingTimes(XmlOut x, Publisher p, OpeningHours h) {
        x.start("", "openingTimes", NS);
        if (h.always()) {
            x.text("", "openAllYear", NS, "true");
            x.text("", "available24hours", NS, "true");
        } else {
            x.start("", "validity", NS);
            x.text("", "validityStatus", NS, "definedByValidityTimeSpec");
            x.start("", "validityTimeSpecification", NS);
            x.text("", "overallStartTime", NS, p.tableTimeText());
            for (OpeningHours.Rule r : h.rules()) {
                x.start("", "validPeriod", NS);
                x.start("", "recurringTimePeriodOfDay", NS, "TimePeriodByHour");
                x.text("", "startTimeOfPeriod", NS, r.fromText());
                x.text("", "endTimeOfPeriod", NS, r.toText());
                x.end();
                x.start("", "recurringDayWeekMonthPeriod", NS);
                for (String d : r.dayNames()) {
                    x.text("", "applicableDay", NS, d);
                }
                x.end();
                x.end();
            }
            x.end();
            x.end();
        }
        x.end();
    }
}
