package de.parkleit.bench.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.live.FacilityJson;
import de.parkleit.dashboard.opendata.ConditionalResponse;
import de.parkleit.dashboard.opendata.OpenDataLicence;
import de.parkleit.dashboard.opendata.ParkApiJson;
import de.parkleit.dashboard.opendata.ParkingPublicationLight;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The open-data JSON documents of a generated 5,000-facility city (every tenth without data, every
 * twentieth stale, every fiftieth closed by an operator), built as the handler builds them (document,
 * encoding, ETag over the bytes), against a floor measured in the same run: the public facility list
 * ({@code FacilityJson.all(board).encode()}, the per-facility JSON every export starts from).
 */
public final class OpenDataJsonBench {

    public static void main(String[] args) {
        int n = 5000;
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        LiveBoard board = city(n, now);
        OpenDataLicence licence = OpenDataLicence.defaults();
        List<String> names = List.of("floor: facility list (FacilityJson.all + encode)", "parkapi.json (ParkAPI v1)",
                "ppl.json (Parking Publication Light)");
        List<Supplier<Buffer>> docs = List.of(
                () -> FacilityJson.all(board).toBuffer(),
                () -> ParkApiJson.city(board, "Bench", licence, now).toBuffer(),
                () -> ParkingPublicationLight.write(board, "Bench", licence, now).toBuffer());
        int rounds = 30;
        long[][] ns = new long[docs.size()][rounds];
        int[] size = new int[docs.size()];
        long sink = 0;
        for (int warm = 0; warm < 10; warm++) {
            for (Supplier<Buffer> d : docs) {
                sink += ConditionalResponse.etag(d.get()).length();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < docs.size(); i++) {
                long t0 = System.nanoTime();
                Buffer b = docs.get(i).get();
                sink += ConditionalResponse.etag(b).length();
                ns[i][r] = System.nanoTime() - t0;
                size[i] = b.length();
            }
        }
        System.out.printf("city: %d facilities; %d rounds after 10 warm-up rounds; document + encode + ETag%n", n, rounds);
        for (int i = 0; i < docs.size(); i++) {
            long[] t = ns[i].clone();
            Arrays.sort(t);
            System.out.printf("%-52s median %6.1f ms  max %6.1f ms  %5.2f MB%n", names.get(i), t[rounds / 2] / 1e6,
                    t[rounds - 1] / 1e6, size[i] / 1e6);
        }
        System.out.println("[sink " + sink % 10 + "]");
    }

    static LiveBoard city(int n, Instant now) {
        List<Facility> fs = new ArrayList<>();
        FacilityType[] types = FacilityType.values();
        for (int i = 0; i < n; i++) {
            fs.add(new Facility("f" + i, "Parkhaus Nr. " + i + " – Müller & Söhne", types[i % types.length], 48 + (i % 100) / 50.0,
                    8 + (i / 100) / 50.0, 50 + i % 950, "Hauptstraße " + i + "\n69117 Bench",
                    i % 3 == 0 ? "Mo-Sa 07:00-23:00" : "", i % 4 == 0 ? "https://parken.example/" + i : ""));
        }
        LiveBoard b = new LiveBoard(fs, Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                continue;
            }
            int cap = 50 + i % 950;
            boolean stale = i % 20 == 5;
            b.apply(new FacilityState("f" + i, stale ? null : i % cap, cap, FacilityStatus.OPEN, Trend.values()[i % 4],
                    now.minusSeconds(i % 600), stale ? Set.of(QualityFlag.STALE) : Set.of()));
            if (i % 50 == 7) {
                b.applyOperation("f" + i, new FacilityOperation("f" + i, FacilityStatus.CLOSED, "Bauarbeiten", now.plusSeconds(3600),
                        "bench", now.minusSeconds(60)));
            }
        }
        return b;
    }
}
