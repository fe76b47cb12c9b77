package de.parkleit.dashboard.opendata.datex2;

import static de.parkleit.dashboard.opendata.datex2.Datex36.COM;
import static de.parkleit.dashboard.opendata.datex2.Datex36.FAC;
import static de.parkleit.dashboard.opendata.datex2.Datex36.PRK;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.FreeSpaceOutlook;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * DATEX II v3.6 {@code ParkingStatusPublication}: a reference to the table, then per facility a {@code prk:PlaceStatus}
 * ({@code parkingStatusInformation}) with the time of its reading, opening status ({@code open}, {@code closed},
 * {@code temporarilyClosed} for an operator reservation, {@code statusUnknown}), the operator's reason, the
 * {@code occupancy} (capacity, vacant, occupied, percent, trend; none without a current count or when closed) and the
 * place status; and, for each of {@link #HORIZONS} the forecaster answers, a forecast record: {@code statusValidity}
 * ({@code prk:ValidityByTime}: the time it is for) and {@code occupancy/probability} = the forecaster's probability of
 * a free space then, in percent.
 */
final class Datex36Status {

    /** Minutes ahead of the forecast records. */
    static final List<Integer> HORIZONS = List.of(15, 30, 60);

    private Datex36Status() {
    }

    static String write(Publisher p, FreeSpaceOutlook outlook, Instant now) {
        XmlOut x = Datex36.open(p, now, "prk:ParkingStatusPublication", 1_000 + 2_400 * p.entries().size());
        x.empty("prk", "parkingTableReference", PRK);
        x.attr("targetClass", "prk:ParkingTable");
        x.attr("id", p.tableId());
        x.attr("version", p.tableVersion());
        Datex36.header(x);
        String nowText = now.toString();
        String[] statusTimes = new String[HORIZONS.size()];
        for (int i = 0; i < statusTimes.length; i++) {
            statusTimes[i] = now.plusSeconds(60L * HORIZONS.get(i)).toString();
        }
        for (Facility f : p.board().facilities()) {
            SiteStatus s = SiteStatus.of(p.board(), f);
            String version = p.versionOf(f);
            current(x, s, version);
            if (s.hasCounts()) {
                for (int i = 0; i < statusTimes.length; i++) {
                    OptionalDouble probability = outlook.probabilityFree(f.id(), HORIZONS.get(i));
                    if (probability.isPresent()) {
                        forecast(x, f.id(), version, nowText, statusTimes[i], probability.getAsDouble());
                    }
                }
            }
        }
        return Datex36.close(x);
    }

    private static void current(XmlOut x, SiteStatus s, String version) {
        x.start("prk", "parkingStatusInformation", PRK, "prk:PlaceStatus");
        Datex36.reference(x, s.facility().id(), version);
        if (s.updatedAt() != null) {
            x.text("fac", "lastUpdated", FAC, s.updatedAt().toString());
        }
        x.text("fac", "openingStatus", FAC, switch (s.opening()) {
            case OPEN -> "open";
            case CLOSED -> "closed";
            case RESERVED -> "temporarilyClosed";
            case UNKNOWN -> "statusUnknown";
        });
        if (s.operation() != null) {
            Datex36.multilingual(x, "fac", FAC, "statusDescription", s.operation().reason());
        }
        if (s.hasCounts()) {
            x.start("prk", "occupancy", PRK);
            x.text("prk", "numberOfSpacesOverride", PRK, s.capacity());
            x.text("prk", "numberOfVacantSpaces", PRK, s.free());
            x.text("prk", "numberOfOccupiedSpaces", PRK, s.occupied());
            x.text("prk", "occupancy", PRK, Double.toString(s.occupancyPercent()));
            x.text("prk", "occupancyTrend", PRK, s.occupancyTrend());
            x.end();
        }
        String status = s.siteStatus();
        if (status != null) {
            x.text("prk", "status", PRK, status);
        }
        x.end();
    }

    private static void forecast(XmlOut x, String id, String version, String nowText, String statusTime, double probability) {
        x.start("prk", "parkingStatusInformation", PRK, "prk:PlaceStatus");
        Datex36.reference(x, id, version);
        x.text("fac", "lastUpdated", FAC, nowText);
        x.start("prk", "occupancy", PRK);
        x.start("prk", "probability", PRK);
        x.text("com", "percentage", COM, Double.toString(Math.round(Math.max(0, Math.min(1, probability)) * 1000) / 10.0));
        x.end();
        x.end();
        x.start("prk", "statusValidity", PRK, "prk:ValidityByTime");
        x.text("prk", "statusTime", PRK, statusTime);
        x.end();
        x.end();
    }
}
