package de.parkleit.cityinit.check;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.extract.OsmWay;
import de.parkleit.routing.graph.RoadGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the routing import drops: the share of junctions outside the largest strongly connected
 * component, and each car way with no edge left in the graph, with the likely reason.
 */
final class NetworkChecks {

    /** A dropped way and why it is probably unreachable. */
    record DroppedWay(OsmWay way, String reason) {
    }

    private NetworkChecks() {
    }

    static List<DroppedWay> droppedWays(RoadsFile roads, Area area) {
        RoadGraph g = roads.imported().graph();
        Set<Long> kept = new HashSet<>();
        for (int s = 0; s < g.segmentCount(); s++) {
            kept.add(g.wayId(s));
        }
        List<DroppedWay> out = new ArrayList<>();
        for (OsmWay w : roads.carWays().values()) {
            if (!kept.contains(w.id())) {
                out.add(new DroppedWay(w, reason(w, roads, area)));
            }
        }
        out.sort((a, b) -> Long.compare(a.way().id(), b.way().id()));
        return out;
    }

    static String reason(OsmWay w, RoadsFile roads, Area area) {
        if (area != null && leavesArea(w, roads, area)) {
            return "crosses the edge of the area: the roads it continues on outside are not in the extract";
        }
        for (long r : w.refs()) {
            if (!roads.holdsNode(r)) {
                return "cut at the edge of the extract: it leaves the area and its continuation is not in the file";
            }
            Map<String, String> barrier = roads.barriers().get(r);
            if (barrier != null) {
                return "behind a barrier at node " + r + " (barrier=" + barrier.get("barrier") + ")";
            }
        }
        String highway = w.tags().getOrDefault("highway", "");
        if (highway.equals("service") || highway.equals("track")) {
            return "a " + highway + " road joined to the network only by ways cars may not use (access, footway) or not at all";
        }
        if (w.tags().containsKey("oneway") || "roundabout".equals(w.tags().get("junction"))) {
            return "one-way: cars can enter but not leave (or leave but not enter) the part it belongs to";
        }
        return "not joined to the main network by any road cars may use (access restrictions, barriers or a gap in OSM)";
    }

    private static boolean leavesArea(OsmWay w, RoadsFile roads, Area area) {
        for (long r : w.refs()) {
            double[] pos = roads.position(r);
            if (pos != null && !area.contains(pos[0], pos[1])) {
                return true;
            }
        }
        return false;
    }

    /** Count of dropped ways by reason, most frequent first. */
    static Map<String, Integer> byReason(List<DroppedWay> dropped) {
        Map<String, Integer> m = new TreeMap<>();
        for (DroppedWay d : dropped) {
            m.merge(d.reason().replaceAll("node \\d+ \\(barrier=[^)]*\\)", "a node"), 1, Integer::sum);
        }
        return m;
    }

    static String share(double s) {
        return String.format(Locale.ROOT, "%.1f %%", s * 100);
    }
}
