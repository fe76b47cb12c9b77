package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** A small city for the export tests: one facility per case the exports must tell apart. */
final class ExportCity {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String TRICKY_NAME = "Müller & Söhne <Parkhaus> \"Süd\"";

    private ExportCity() {
    }

    static List<Facility> facilities() {
        return List.of(
                new Facility("open", TRICKY_NAME, FacilityType.GARAGE, 49.41, 8.69, 200, "Hauptstraße 1\n69117 Heidelberg",
                        "Mo-Sa 07:00-23:00; Su off", "https://parken.example/open?a=1&b=2"),
                new Facility("full", "Full", FacilityType.UNDERGROUND, 49.41, 8.70, 100, ""),
                new Facility("silent", "Silent", FacilityType.LOT, 49.41, 8.71, 50, ""),
                new Facility("stale", "Stale", FacilityType.ON_STREET, 49.41, 8.72, 30, ""),
                new Facility("stalecount", "Stale with count", FacilityType.GARAGE, 49.41, 8.725, 30, ""),
                new Facility("closed", "Closed", FacilityType.GARAGE, 49.41, 8.73, 80, ""),
                new Facility("opclosed", "Operator closed", FacilityType.GARAGE, 49.41, 8.74, 80, ""),
                new Facility("reserved", "Reserved", FacilityType.UNDERGROUND, 49.41, 8.75, 60, ""),
                new Facility("pr", "P+R Süd", FacilityType.PARK_AND_RIDE, 49.40, 8.68, 300, "", "24/7", ""));
    }

    /** The board with a state (or none) per case, on a fixed clock at {@link #NOW}. */
    static LiveBoard board() {
        LiveBoard b = new LiveBoard(facilities(), Clock.fixed(NOW, ZoneOffset.UTC));
        Instant t = NOW.minusSeconds(30);
        b.apply(new FacilityState("open", 150, 200, FacilityStatus.OPEN, Trend.FILLING, t, Set.of()));
        b.apply(new FacilityState("full", 0, 100, FacilityStatus.OPEN, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("stale", null, 30, FacilityStatus.UNKNOWN, Trend.UNKNOWN, NOW.minusSeconds(3600),
                Set.of(QualityFlag.STALE)));
        b.apply(new FacilityState("stalecount", 12, 30, FacilityStatus.OPEN, Trend.STEADY, NOW.minusSeconds(3600),
                Set.of(QualityFlag.STALE)));
        b.apply(new FacilityState("closed", 0, 80, FacilityStatus.CLOSED, Trend.UNKNOWN, t, Set.of()));
        b.apply(new FacilityState("opclosed", 20, 80, FacilityStatus.OPEN, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("reserved", 20, 60, FacilityStatus.OPEN, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("pr", 280, 300, FacilityStatus.OPEN, Trend.EMPTYING, t, Set.of()));
        b.applyOperation("opclosed", new FacilityOperation("opclosed", FacilityStatus.CLOSED, "Bauarbeiten & <Sperrung>",
                NOW.plusSeconds(3600), "alice", NOW.minusSeconds(60)));
        b.applyOperation("reserved", new FacilityOperation("reserved", FacilityStatus.RESERVED, "Messe",
                NOW.plusSeconds(3600), "alice", NOW.minusSeconds(60)));
        return b;
    }
}
