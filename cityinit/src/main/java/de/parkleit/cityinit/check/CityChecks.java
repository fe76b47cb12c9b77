package de.parkleit.cityinit.check;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.routing.graph.EdgeSnapper;
import de.parkleit.routing.graph.RoadGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every check of a city (facilities against the road graph routing builds, the dropped part
 * of the graph, given the area the roads were cut for, or null if unknown) and writes the report as Markdown ({@code city-report.md}, also printed).
 */
public final class CityChecks {

    private static final int LISTED_DROPPED_WAYS = 40;

    private CityChecks() {
    }

    /** @param context lines describing the run (sources, area), shown first */
    public static CheckReport run(String cityName, Area area, RoadsFile roads, List<ImportedFacility> facilities, List<String> context) {
        RoadGraph g = roads.imported().graph();
        EdgeSnapper snapper = new EdgeSnapper(g);
        Map<Long, String> labels = new HashMap<>();
        for (OsmWay w : roads.carWays().values()) {
            labels.put(w.id(), w.label());
        }
        List<Finding> findings = new ArrayList<>();
        List<EntranceSnap> snaps = new ArrayList<>();
        List<ImportedFacility> usable = new ArrayList<>();
        List<CheckReport.Unconfirmed> unconfirmed = new ArrayList<>();
        for (ImportedFacility f : facilities) {
            EntranceSnap s = FacilityChecks.snap(snapper, labels, f);
            snaps.add(s);
            FacilityChecks.distance(s, findings);
            FacilityChecks.capacity(f, findings);
            if (s.meters() > FacilityChecks.OFF_NETWORK_METERS) {
                unconfirmed.add(new CheckReport.Unconfirmed(f, String.format(Locale.ROOT, "outside the road network (%.0f m)", s.meters())));
            } else if (!f.hasCapacity()) {
                unconfirmed.add(new CheckReport.Unconfirmed(f, "no capacity"));
            } else {
                usable.add(f);
            }
        }
        FacilityChecks.duplicates(facilities, findings);
        List<NetworkChecks.DroppedWay> dropped = NetworkChecks.droppedWays(roads, area);
        String md = markdown(cityName, roads, facilities, findings, snaps, usable, unconfirmed, dropped, context);
        return new CheckReport(findings, snaps, usable, unconfirmed, md);
    }

    private static String markdown(String name, RoadsFile roads, List<ImportedFacility> all, List<Finding> findings,
                                   List<EntranceSnap> snaps, List<ImportedFacility> usable,
                                   List<CheckReport.Unconfirmed> unconfirmed, List<NetworkChecks.DroppedWay> dropped,
                                   List<String> context) {
        RoadGraph g = roads.imported().graph();
        StringBuilder b = new StringBuilder();
        b.append("# City report: ").append(name).append("\n\n");
        context.forEach(c -> b.append("- ").append(c).append('\n'));
        b.append(String.format(Locale.ROOT, "- roads: %d car ways; routing graph %d junctions, %d edges%n",
                roads.carWays().size(), g.nodeCount(), g.edgeCount()));
        b.append(String.format(Locale.ROOT, "- facilities: %d read, %d can run (facilities.geojson), %d kept aside (facilities.unconfirmed.geojson)%n",
                all.size(), usable.size(), unconfirmed.size()));
        b.append(String.format(Locale.ROOT, "- findings: %d errors, %d warnings%n%n",
                count(findings, Finding.Severity.ERROR), count(findings, Finding.Severity.WARNING)));

        b.append("## Findings\n\n");
        if (findings.isEmpty()) {
            b.append("None.\n");
        }
        for (Finding f : findings) {
            b.append("- **").append(f.severity().name().toLowerCase(Locale.ROOT)).append("** ").append(f.subject())
                    .append(": ").append(f.text()).append('\n');
        }

        b.append("\n## Entrances\n\nEach facility's position snapped to the nearest car road (guidance routes to that point).\n\n");
        b.append("| facility | capacity | type | road | distance |\n|---|---|---|---|---|\n");
        for (EntranceSnap s : snaps) {
            b.append("| ").append(FacilityChecks.subject(s.facility()).replace("|", "/")).append(" | ")
                    .append(s.facility().capacity() == null ? "—" : s.facility().capacity()).append(" | ")
                    .append(s.facility().type().wireName()).append(" | ")
                    .append(s.road() == null ? "—" : s.road().replace("|", "/")).append(" | ")
                    .append(Double.isInfinite(s.meters()) ? "—" : String.format(Locale.ROOT, "%.0f m", s.meters())).append(" |\n");
        }

        b.append("\n## Road graph\n\n");
        b.append(String.format(Locale.ROOT, "Routing keeps the largest strongly connected component (every junction reachable from "
                        + "every other). It drops %d of %d junctions (%s) and %d edges; %d car ways have no edge left:%n%n",
                roads.imported().droppedNodes(), roads.imported().droppedNodes() + g.nodeCount(),
                NetworkChecks.share(roads.imported().droppedNodeShare()), roads.imported().droppedEdges(), dropped.size()));
        NetworkChecks.byReason(dropped).forEach((reason, n) -> b.append("- ").append(n).append(" ways: ").append(reason).append('\n'));
        if (!dropped.isEmpty()) {
            b.append("\n| dropped way | why |\n|---|---|\n");
            dropped.stream().limit(LISTED_DROPPED_WAYS).forEach(d -> b.append("| ").append(d.way().label().replace("|", "/"))
                    .append(" | ").append(d.reason()).append(" |\n"));
            if (dropped.size() > LISTED_DROPPED_WAYS) {
                b.append("\n…and ").append(dropped.size() - LISTED_DROPPED_WAYS).append(" more.\n");
            }
        }
        return b.toString();
    }

    private static long count(List<Finding> findings, Finding.Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
