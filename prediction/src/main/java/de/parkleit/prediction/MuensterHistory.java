package de.parkleit.prediction;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Loads a Münster-format occupancy export from disk, cleaned: for the backtest, and to bootstrap a
 * {@link ForecastModel} or {@link AvailabilityPredictor} from the CSV when a city has no stored history yet (the
 * model works in shares of capacity, so the city-wide coefficients carry over to other car parks).
 *
 * @param raw     everything the reader saw
 * @param clean   the cleaned series that kept at least one valid value
 * @param reports what the cleaning did, per series
 */
public record MuensterHistory(OccupancyExport raw, List<OccupancySeries> clean, List<CleaningReport> reports) {

    /** The lots file the export is usually shipped with, looked for next to the occupancy file. */
    public static final String LOTS_FILE = "parking_lots_muenster.csv";
    /** The occupancy export bundled in {@code opendata/muenster}. */
    public static final String OCCUPANCY_FILE = "parking_free_muenster_2024-01_to_2024-10.csv.gz";
    /** The zone of the export's {@code timestamp_local}. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public MuensterHistory {
        clean = List.copyOf(clean);
        reports = List.copyOf(reports);
    }

    /**
     * Reads and cleans an export.
     *
     * @param occupancy the occupancy CSV, plain or gzipped
     * @param lots      the lots CSV; if empty, {@value #LOTS_FILE} next to the occupancy file if it exists, else
     *                  every column's capacity is its largest value
     */
    public static MuensterHistory load(Path occupancy, Optional<Path> lots, ZoneId zone, CleaningRules rules)
            throws IOException {
        List<ExportLot> lotList = readLots(lots.or(() -> sibling(occupancy)));
        OccupancyExport export;
        try (Reader r = open(occupancy)) {
            export = new MuensterExportReader(zone, lotList).read(r);
        }
        SeriesCleaner cleaner = new SeriesCleaner(rules);
        List<OccupancySeries> clean = new ArrayList<>();
        List<CleaningReport> reports = new ArrayList<>();
        for (OccupancySeries s : export.series()) {
            SeriesCleaner.Result r = cleaner.clean(s);
            reports.add(r.report());
            if (r.report().validAfter() > 0) {
                clean.add(r.series());
            }
        }
        return new MuensterHistory(export, clean, reports);
    }

    /**
     * Reads and cleans {@value #OCCUPANCY_FILE} with {@value #LOTS_FILE} from a folder such as {@code opendata/muenster},
     * in {@link #ZONE}: what the simulator's occupancy shapes and its replay are built from.
     */
    public static MuensterHistory loadFolder(Path folder, CleaningRules rules) throws IOException {
        return load(folder.resolve(OCCUPANCY_FILE), Optional.of(folder.resolve(LOTS_FILE)), ZONE, rules);
    }

    private static Optional<Path> sibling(Path occupancy) {
        Path p = occupancy.toAbsolutePath().resolveSibling(LOTS_FILE);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static List<ExportLot> readLots(Optional<Path> lots) throws IOException {
        if (lots.isEmpty()) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(lots.get(), StandardCharsets.UTF_8)) {
            return MuensterLotsReader.read(r);
        }
    }

    /** Opens a file as UTF-8 text, gunzipping it if it starts with the gzip magic bytes. */
    static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
