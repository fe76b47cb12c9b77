package de.parkleit.cityinit;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.check.CheckReport;
import de.parkleit.cityinit.check.CityChecks;
import de.parkleit.cityinit.check.RoadsFile;
import de.parkleit.cityinit.extract.PbfWriter;
import de.parkleit.cityinit.extract.RoadExtract;
import de.parkleit.cityinit.extract.RoadExtractor;
import de.parkleit.cityinit.facilities.FacilityList;
import de.parkleit.cityinit.facilities.FacilitySource;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.cityinit.facilities.OsmFacilities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code city init}: reads the facilities, cuts the area's car roads out of the regional extract,
 * checks the facilities against the graph routing will build, and writes the city folder. Everything
 * is written into a temporary folder beside {@code out} and moved into place at the end, so a failed
 * run leaves no half-written city.
 */
public final class CityInit {

    /**
     * @param facilities where the facilities come from, or null for the extract's {@code amenity=parking}
     * @param signs      a signs.geojson to copy in, or null (then signs are proposed)
     * @param detectors  a detectors.geojson to copy in, or null
     */
    public record Request(String name, Path osm, AreaSpec area, FacilitySource facilities, Path out, ZoneId timezone,
                          String locale, Path signs, Path detectors) {
    }

    /** The folder written and its check report. */
    public record Result(Path folder, CheckReport report, RoadExtract extract, int proposedSigns) {
    }

    public Result run(Request r) {
        if (Files.exists(r.out())) {
            throw new CityInitException(r.out() + " already exists; choose another --out or remove it first");
        }
        if (!Files.isRegularFile(r.osm())) {
            throw new CityInitException("--osm " + r.osm() + " is not a file");
        }
        if (r.area().needsFacilities() && r.facilities() == null) {
            throw new CityInitException("--around-facilities needs --facilities (the OSM parking areas lie wherever the extract goes)");
        }
        FacilityList given = r.facilities() == null ? null : readFacilities(r.facilities());
        Area area;
        try {
            area = r.area().resolve(given == null ? List.of() : given.facilities());
        } catch (IllegalArgumentException e) {
            throw new CityInitException(e.getMessage(), e);
        }
        if (given != null) {
            requireSomeInside(given, area);
        }
        RoadExtract extract = new RoadExtractor().extract(r.osm(), area);
        if (extract.ways().isEmpty()) {
            throw new CityInitException("the area (" + area.describe() + ") has no car roads in " + r.osm().getFileName()
                    + (extract.regionBounds() == null ? " (the file holds no nodes)" : "; the extract covers " + extract.regionBounds()
                    + " (W,S,E,N)") + ". Nothing was written.");
        }
        FacilityList list = given != null ? given : OsmFacilities.of(extract.parking());
        Path tmp = tempBeside(r.out());
        try {
            PbfWriter.write(extract, area.bounds(), tmp.resolve(CityFolder.ROADS));
            RoadsFile roads = RoadsFile.read(tmp.resolve(CityFolder.ROADS));
            List<String> context = context(r, area, list, extract);
            CheckReport report = CityChecks.run(r.name(), area, roads, list.facilities(), context);
            if (report.usable().isEmpty()) {
                throw new CityInitException(noUsableFacility(list, report));
            }
            int proposed = new CityFolder(tmp).write(r, report, roads, area);
            Files.move(tmp, r.out(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Result(r.out(), report, extract, proposed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the city folder: " + e.getMessage(), e);
        } finally {
            CityFolder.deleteTree(tmp);
        }
    }

    private static FacilityList readFacilities(FacilitySource source) {
        FacilityList list;
        try {
            list = source.read();
        } catch (IOException | IllegalArgumentException e) {
            throw new CityInitException("cannot read --facilities " + source.file() + ": " + e.getMessage(), e);
        }
        if (list.facilities().isEmpty()) {
            throw new CityInitException("--facilities " + source.file() + ": no usable facility among " + list.entries()
                    + " entries" + (list.rejected().isEmpty() ? "" : "; rejected: " + String.join("; ", list.rejected())));
        }
        return list;
    }

    private static void requireSomeInside(FacilityList list, Area area) {
        long inside = list.facilities().stream().filter(f -> area.contains(f.lat(), f.lon())).count();
        if (inside == 0) {
            throw new CityInitException(String.format(Locale.ROOT,
                    "the facility list does not overlap the road extract: %d facilities read from %s, all of them outside the "
                            + "area (%s); they lie %s. Check --facilities and the area. Nothing was written.",
                    list.facilities().size(), list.source(), area.describe(), new FacilitySpread(list.facilities())));
        }
    }

    private static String noUsableFacility(FacilityList list, CheckReport report) {
        long noCapacity = report.unconfirmed().stream().filter(u -> u.reason().equals("no capacity")).count();
        return String.format(Locale.ROOT, "no facility can run: %d read from %s, %d without capacity, %d outside the road "
                        + "network (more than 300 m from a car road); they lie %s. Nothing was written.",
                list.facilities().size(), list.source(), noCapacity, report.unconfirmed().size() - noCapacity,
                new FacilitySpread(list.facilities()));
    }

    private static List<String> context(Request r, Area area, FacilityList list, RoadExtract ex) {
        List<String> c = new ArrayList<>();
        c.add("area: " + area.describe());
        c.add(String.format(Locale.ROOT, "road extract: %s (%d nodes, %d ways scanned in %d ms); %d car ways and %d nodes kept",
                r.osm().getFileName(), ex.regionNodes(), ex.regionWays(), ex.millis(), ex.ways().size(), ex.nodeIds().length));
        c.add("facilities from: " + list.source() + " (" + list.entries() + " entries, " + list.facilities().size() + " read, "
                + list.rejected().size() + " rejected)");
        list.rejected().stream().limit(20).forEach(x -> c.add("rejected: " + x));
        return c;
    }

    private static Path tempBeside(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + out.getFileName() + ".init-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder beside " + out + ": " + e.getMessage(), e);
        }
    }
}
