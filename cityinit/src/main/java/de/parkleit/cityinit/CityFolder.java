package de.parkleit.cityinit;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.cityinit.check.CheckReport;
import de.parkleit.cityinit.check.CityChecks;
import de.parkleit.cityinit.check.RoadsFile;
import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.cityinit.extract.PbfWriter;
import de.parkleit.cityinit.facilities.FacilitiesWriter;
import de.parkleit.cityinit.facilities.FacilityList;
import de.parkleit.cityinit.facilities.GeoJsonFacilities;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.cityinit.signs.SignProposals;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files of a city folder as {@code city init} writes them and {@code city check} reads them:
 * {@code city.properties}, {@code roads.osm.pbf}, {@code facilities.geojson} (the facilities that
 * run), {@code facilities.unconfirmed.geojson} (kept aside: no capacity, off the network),
 * {@code city-report.md}, {@code README.md} with the attribution, signs and detectors.
 */
public final class CityFolder {

    public static final String ROADS = "roads.osm.pbf";
    public static final String FACILITIES = "facilities.geojson";
    public static final String UNCONFIRMED = "facilities.unconfirmed.geojson";
    public static final String REPORT = "city-report.md";
    public static final String SIGNS = "signs.geojson";
    public static final String PROPOSED_SIGNS = "signs.proposed.geojson";

    private final Path dir;

    public CityFolder(Path dir) {
        this.dir = dir;
    }

    /** Writes everything but the roads file (already there); returns the number of proposed signs. */
    int write(CityInit.Request r, CheckReport report, RoadsFile roads, Area area) throws IOException {
        FacilitiesWriter.write(report.usable(), dir.resolve(FACILITIES));
        if (!report.unconfirmed().isEmpty()) {
            FacilitiesWriter.write(report.unconfirmed().stream().map(CheckReport.Unconfirmed::facility).toList(), dir.resolve(UNCONFIRMED));
        }
        int proposed = 0;
        if (r.signs() != null) {
            Files.copy(r.signs(), dir.resolve(SIGNS));
        } else {
            List<SignProposals.Proposal> signs = SignProposals.propose(roads.imported().graph(), area, labels(roads), report.usable());
            SignProposals.write(signs, dir.resolve(PROPOSED_SIGNS));
            proposed = signs.size();
        }
        if (r.detectors() != null) {
            Files.copy(r.detectors(), dir.resolve("detectors.geojson"));
        }
        Files.writeString(dir.resolve("city.properties"), properties(r, area), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), readme(r, area, proposed), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(REPORT), report.markdown(), StandardCharsets.UTF_8);
        return proposed;
    }

    private static Map<Long, String> labels(RoadsFile roads) {
        Map<Long, String> m = new HashMap<>();
        for (OsmWay w : roads.carWays().values()) {
            m.put(w.id(), w.tags().getOrDefault("name", w.tags().getOrDefault("ref", "way " + w.id())));
        }
        return m;
    }

    private static String properties(CityInit.Request r, Area area) {
        return "# Written by parkleit city init. A city folder holds facilities.geojson, roads.osm.pbf and this file.\n"
                + "name=" + r.name().replace("\n", " ") + "\n"
                + "roads=" + ROADS + "\n"
                + "facilities=" + FACILITIES + "\n"
                + "timezone=" + r.timezone().getId() + "\n"
                + "locale=" + r.locale() + "\n"
                + "# the area the roads were cut for (W,S,E,N)\n"
                + "area=" + area.bounds() + "\n";
    }

    private static String readme(CityInit.Request r, Area area, int proposed) {
        return "# City: " + r.name() + "\n\nBuilt by `parkleit city init` from `" + r.osm().getFileName() + "` ("
                + area.describe() + ").\n\n"
                + "| file | what | source, licence |\n|---|---|---|\n"
                + "| `" + ROADS + "` | car roads of the area | " + PbfWriter.ATTRIBUTION + " (cut of `" + r.osm().getFileName() + "`) |\n"
                + "| `" + FACILITIES + "` | facilities that run (capacity known, on the road network) | "
                + (r.facilities() == null ? PbfWriter.ATTRIBUTION + " (`amenity=parking`)" : "`" + r.facilities().file().getFileName()
                + "`: keep its licence and attribution here") + " |\n"
                + "| `" + UNCONFIRMED + "` | facilities kept aside (no capacity, or off the road network): fix and move them | same |\n"
                + "| `" + REPORT + "` | the checks (`parkleit city check` re-runs them) | this project |\n"
                + (proposed > 0 ? "| `" + PROPOSED_SIGNS + "` | " + proposed + " proposed sign positions: confirm, then save as `"
                + SIGNS + "` | this project |\n" : "")
                + "\nRun it: `./parkleit demo --city <this folder>` or `./parkleit serve --city <this folder>`.\n";
    }

    /** Re-runs the checks on this folder and rewrites its report. */
    public CheckReport check() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("city.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new CityInitException(dir + " is not a city folder: cannot read city.properties: " + e.getMessage(), e);
        }
        Path roadsFile = dir.resolve(p.getProperty("roads", ROADS));
        if (!Files.isRegularFile(roadsFile)) {
            throw new CityInitException(dir + ": no roads file " + roadsFile.getFileName());
        }
        List<ImportedFacility> all = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (String name : List.of(p.getProperty("facilities", FACILITIES), UNCONFIRMED)) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    FacilityList list = GeoJsonFacilities.read(f);
                    all.addAll(list.facilities());
                    context.add("facilities from: " + name + " (" + list.facilities().size() + ")");
                    list.rejected().forEach(x -> context.add("rejected in " + name + ": " + x));
                } catch (IOException | IllegalArgumentException e) {
                    throw new CityInitException(dir + ": cannot read " + name + ": " + e.getMessage(), e);
                }
            }
        }
        if (all.isEmpty()) {
            throw new CityInitException(dir + ": no facilities in " + p.getProperty("facilities", FACILITIES));
        }
        BoundingBox area = null;
        if (p.containsKey("area")) {
            area = BoundingBox.parse(p.getProperty("area"));
            context.add(0, "area: " + area.describe());
        }
        CheckReport report = CityChecks.run(p.getProperty("name", dir.getFileName().toString()), area, RoadsFile.read(roadsFile), all,
                context);
        try {
            Files.writeString(dir.resolve(REPORT), report.markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(REPORT) + ": " + e.getMessage(), e);
        }
        return report;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
