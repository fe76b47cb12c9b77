package de.parkleit.cityinit.signs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.facilities.ImportedFacility;
import de.parkleit.routing.graph.EarthDistance;
import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.graph.RoadGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes sign positions where main roads (trunk to tertiary, motorway links) enter the area: one
 * per entering edge of the routing graph, at the first junction inside, at most one within
 * {@value #MERGE_METERS} m, each showing the {@value #FACILITIES_PER_SIGN} facilities nearest to it.
 * Written as {@code signs.proposed.geojson} in the format of {@code signs.geojson}, for a planner to confirm.
 */
public final class SignProposals {

    static final double MERGE_METERS = 400;
    static final int FACILITIES_PER_SIGN = 5;
    private static final Set<RoadClass> MAIN = EnumSet.of(RoadClass.MOTORWAY_LINK, RoadClass.TRUNK, RoadClass.TRUNK_LINK,
            RoadClass.PRIMARY, RoadClass.PRIMARY_LINK, RoadClass.SECONDARY, RoadClass.TERTIARY);

    /** One proposed sign. */
    public record Proposal(String id, String name, double lat, double lon, int heading, List<String> facilities) {
    }

    private SignProposals() {
    }

    public static List<Proposal> propose(RoadGraph g, Area area, Map<Long, String> roadNames, List<ImportedFacility> facilities) {
        List<Proposal> out = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            if (!MAIN.contains(g.roadClass(e))) {
                continue;
            }
            int from = g.tail(e);
            int to = g.head(e);
            if (area.contains(g.lat(from), g.lon(from)) || !area.contains(g.lat(to), g.lon(to))) {
                continue;
            }
            double lat = g.lat(to);
            double lon = g.lon(to);
            if (out.stream().anyMatch(p -> EarthDistance.meters(p.lat(), p.lon(), lat, lon) < MERGE_METERS)) {
                continue;
            }
            String road = roadNames.getOrDefault(g.wayId(g.segmentOf(e)), "way " + g.wayId(g.segmentOf(e)));
            List<String> nearest = facilities.stream()
                    .sorted(Comparator.comparingDouble(f -> EarthDistance.meters(lat, lon, f.lat(), f.lon())))
                    .limit(FACILITIES_PER_SIGN).map(ImportedFacility::id).toList();
            out.add(new Proposal(String.format("proposed-%02d", out.size() + 1), road + ", inbound", lat, lon,
                    (int) Math.round(bearing(g.lat(from), g.lon(from), lat, lon)), nearest));
        }
        return out;
    }

    static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    public static void write(List<Proposal> proposals, Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Proposal p : proposals) {
            ObjectNode f = features.addObject().put("type", "Feature");
            f.putObject("geometry").put("type", "Point").putArray("coordinates")
                    .add(Math.round(p.lon() * 1e6) / 1e6).add(Math.round(p.lat() * 1e6) / 1e6);
            ObjectNode props = f.putObject("properties").put("id", p.id()).put("name", p.name()).put("heading", p.heading());
            p.facilities().forEach(props.putArray("facilities")::add);
            props.put("display", "count").put("note", "proposed by parkleit city init where a main road enters the area; "
                    + "confirm position and facilities, then save as signs.geojson");
        }
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
