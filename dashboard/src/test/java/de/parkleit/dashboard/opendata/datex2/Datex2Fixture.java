package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.opendata.OpenDataLicence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * Cities for the DATEX II export tests: {@link #cases()} has one facility per case (open with an awkward name, full,
 * no data, stale, closed by its gateway, closed and reserved by an operator, on-street with unreadable opening
 * hours); {@link #city(int, long)} a generated city of any size. Reused by the app's tests and the bench (test-jar).
 */
public final class Datex2Fixture {

    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    public static final String AWKWARD_NAME = "Müller & Söhne <Parkhaus> \"Größe\" Straße";
    public static final String CLOSURE_REASON = "Bauarbeiten & <Umbau> – Zufahrt über Hauptstraße";

    private Datex2Fixture() {
    }

    /** An outlook that says {@code p} for every facility except those named. */
    public static FreeSpaceOutlook outlook(double p, String... without) {
        Set<String> none = Set.of(without);
        return (id, minutes) -> none.contains(id) ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    public static LiveBoard cases() {
        List<Facility> fs = List.of(
                new Facility("open", AWKWARD_NAME, FacilityType.GARAGE, 49.41, 8.69, 200, "Hauptstraße 1\n69117 Heidelberg",
                        "Mo-Sa 07:00-23:00; Su off", "https://example.org/p?a=1&b=2"),
                new Facility("full", "Full", FacilityType.UNDERGROUND, 49.412, 8.70, 100, "", "24/7", ""),
                new Facility("silent", "Silent", FacilityType.LOT, 49.413, 8.71, 50, ""),
                new Facility("stale", "Stale", FacilityType.PARK_AND_RIDE, 49.414, 8.71, 70, ""),
                new Facility("closed", "Closed", FacilityType.GARAGE, 49.415, 8.72, 80, ""),
                new Facility("opclosed", "Operator closed", FacilityType.GARAGE, 49.416, 8.72, 90, ""),
                new Facility("reserved", "Reserved", FacilityType.UNDERGROUND, 49.417, 8.73, 60, ""),
                new Facility("street", "Straße am Fluss", FacilityType.ON_STREET, 49.418, 8.74, 30, "",
                        "Mo-Fr 08:00-18:00; PH off", "not a url"));
        LiveBoard b = new LiveBoard(fs, Clock.fixed(NOW, ZoneOffset.UTC));
        Instant t = NOW.minusSeconds(30);
        b.apply(new FacilityState("open", 150, 200, FacilityStatus.OPEN, Trend.FILLING, t, Set.of()));
        b.apply(new FacilityState("full", 0, 100, FacilityStatus.OPEN, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("stale", null, 70, FacilityStatus.OPEN, Trend.UNKNOWN, NOW.minusSeconds(3600),
                Set.of(QualityFlag.STALE)));
        b.apply(new FacilityState("closed", 20, 80, FacilityStatus.CLOSED, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("opclosed", 40, 90, FacilityStatus.OPEN, Trend.STEADY, t, Set.of()));
        b.apply(new FacilityState("reserved", 20, 60, FacilityStatus.OPEN, Trend.EMPTYING, t, Set.of()));
        b.apply(new FacilityState("street", 1, 30, FacilityStatus.OPEN, Trend.FILLING, t, Set.of()));
        b.applyOperation("opclosed", new FacilityOperation("opclosed", FacilityStatus.CLOSED, CLOSURE_REASON,
                NOW.plusSeconds(3600), "alice", NOW.minusSeconds(60)));
        b.applyOperation("reserved", new FacilityOperation("reserved", FacilityStatus.RESERVED, "Messe",
                NOW.plusSeconds(7200), "alice", NOW.minusSeconds(60)));
        return b;
    }

    /** {@code n} facilities with mixed types, opening hours and states (a tenth without data, some closed). */
    public static LiveBoard city(int n, long seed) {
        Random r = new Random(seed);
        FacilityType[] types = FacilityType.values();
        String[] hours = {"", "24/7", "Mo-Fr 06:00-22:00; Sa 08:00-20:00", "Mo-Su 00:00-24:00"};
        List<Facility> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(new Facility("f" + i, "Parkhaus Nr. " + i + (i % 7 == 0 ? " & Söhne" : ""), types[i % types.length],
                    49.3 + r.nextDouble() * 0.2, 8.6 + r.nextDouble() * 0.2, 20 + r.nextInt(980),
                    i % 3 == 0 ? "Straße " + i : "", hours[i % hours.length], i % 2 == 0 ? "https://example.org/" + i : ""));
        }
        LiveBoard b = new LiveBoard(fs, Clock.fixed(NOW, ZoneOffset.UTC));
        Trend[] trends = Trend.values();
        for (Facility f : fs) {
            int k = r.nextInt(20);
            if (k == 0) {
                continue;
            }
            FacilityStatus status = k == 1 ? FacilityStatus.CLOSED : FacilityStatus.OPEN;
            Integer free = k == 2 ? null : r.nextInt(f.capacity() + 1);
            b.apply(new FacilityState(f.id(), free, f.capacity(), status, trends[r.nextInt(trends.length)],
                    NOW.minusSeconds(r.nextInt(600)), k == 2 ? Set.of(QualityFlag.STALE) : Set.of()));
        }
        return b;
    }

    public static Datex2Exports exports(LiveBoard board, FreeSpaceOutlook outlook) {
        return new Datex2Exports(board, "Heidelberg", OpenDataLicence.defaults(), outlook, NOW.minusSeconds(86_400));
    }
}
