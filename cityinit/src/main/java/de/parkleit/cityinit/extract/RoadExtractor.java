package de.parkleit.cityinit.extract;

import de.parkleit.cityinit.area.Area;
import de.parkleit.cityinit.area.BoundingBox;
import de.parkleit.routing.graph.LongArrayList;
import de.parkleit.routing.osm.CarRules;
import de.parkleit.routing.osm.OsmPbfReader;
import de.parkleit.routing.osm.WayRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the car road network of an area out of a regional OSM PBF file in four streaming passes,
 * holding only what the area needs (never the region): (1) the ids of the nodes inside the area,
 * (2) the {@code amenity=parking} multipolygon relations of the region (member ids only, {@link ParkingRelations}),
 * (3) the ways the car rules accept that touch one of those nodes, the closed {@code amenity=parking} ways there and
 * the member ways of the parking relations, (4) the positions of every node those ways use. Ways crossing the area
 * edge are kept whole, as far as the region file holds their nodes; a parking relation is kept when one of its
 * outer ways touches the area.
 */
public final class RoadExtractor {

    private final WayRules rules = new CarRules();

    public RoadExtract extract(Path region, Area area) {
        long t0 = System.nanoTime();
        OsmPbfReader reader = new OsmPbfReader(region);
        NodeScan scan = new NodeScan(area);
        reader.readNodes(scan::node);
        long[] inside = scan.inside.toArray();
        Arrays.sort(inside);

        List<ParkingRelations.Relation> relations = ParkingRelations.read(region);
        LongArrayList memberIds = new LongArrayList(64);
        for (ParkingRelations.Relation rel : relations) {
            for (long w : rel.outer()) {
                memberIds.add(w);
            }
            for (long w : rel.inner()) {
                memberIds.add(w);
            }
        }
        long[] members = memberIds.toArray();
        Arrays.sort(members);
        Map<Long, long[]> memberRefs = new HashMap<>();
        java.util.Set<Long> touchingMembers = new java.util.HashSet<>();

        List<OsmWay> roads = new ArrayList<>();
        List<OsmWay> parkingWays = new ArrayList<>();
        long[] wayCount = {0};
        reader.readWays((id, refs, tags) -> {
            wayCount[0]++;
            if (members.length > 0 && Arrays.binarySearch(members, id) >= 0) {
                memberRefs.put(id, refs);
                if (touches(refs, inside)) {
                    touchingMembers.add(id);
                }
            }
            boolean parking = "parking".equals(tags.get("amenity")) && refs.length >= 4 && refs[0] == refs[refs.length - 1];
            boolean road = refs.length >= 2 && tags.containsKey("highway") && rules.evaluate(tags) != null;
            if ((parking || road) && touches(refs, inside)) {
                (road ? roads : parkingWays).add(new OsmWay(id, refs, Map.copyOf(tags)));
            }
        });

        List<ParkingRelations.Relation> kept = new ArrayList<>();
        List<OsmWay> memberWays = new ArrayList<>();
        for (ParkingRelations.Relation rel : relations) {
            if (Arrays.stream(rel.outer()).anyMatch(touchingMembers::contains)) {
                kept.add(rel);
                for (long[] ws : new long[][] {rel.outer(), rel.inner()}) {
                    for (long w : ws) {
                        long[] refs = memberRefs.get(w);
                        if (refs != null) {
                            memberWays.add(new OsmWay(w, refs, Map.of()));
                        }
                    }
                }
            }
        }
        long[] needed = neededNodes(roads, parkingWays, memberWays);
        int[] lat = new int[needed.length];
        int[] lon = new int[needed.length];
        boolean[] known = new boolean[needed.length];
        Map<Integer, Map<String, String>> nodeTags = new HashMap<>();
        reader.readNodes((id, la, lo, tags) -> {
            int i = Arrays.binarySearch(needed, id);
            if (i >= 0) {
                lat[i] = (int) Math.round(la * 1e7);
                lon[i] = (int) Math.round(lo * 1e7);
                known[i] = true;
                if (tags.containsKey("barrier")) {
                    nodeTags.put(i, Map.copyOf(tags));
                }
            }
        });
        int missing = 0;
        for (boolean k : known) {
            missing += k ? 0 : 1;
        }
        RoadExtract partial = compact(roads, needed, lat, lon, known, nodeTags);
        List<OsmParking> parking = new ArrayList<>(scan.parkingNodes);
        for (OsmWay w : parkingWays) {
            ParkingArea.of(w, partial).ifPresent(parking::add);
        }
        for (ParkingRelations.Relation rel : kept) {
            ParkingRelations.of(rel, memberRefs, partial).ifPresent(parking::add);
        }
        return new RoadExtract(partial.ways(), partial.nodeIds(), partial.latE7(), partial.lonE7(), partial.nodeTags(), parking,
                scan.bounds(), scan.count, wayCount[0], missing, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean touches(long[] refs, long[] inside) {
        for (long r : refs) {
            if (Arrays.binarySearch(inside, r) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static long[] neededNodes(List<OsmWay> roads, List<OsmWay> parkingWays, List<OsmWay> memberWays) {
        LongArrayList all = new LongArrayList(1 << 16);
        for (List<OsmWay> list : List.of(roads, parkingWays, memberWays)) {
            for (OsmWay w : list) {
                for (long r : w.refs()) {
                    all.add(r);
                }
            }
        }
        long[] ids = all.toArray();
        Arrays.sort(ids);
        int u = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[u++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, u);
    }

    /** Drops the nodes the region file does not hold (the routing import treats their neighbours as way ends). */
    private static RoadExtract compact(List<OsmWay> roads, long[] ids, int[] lat, int[] lon, boolean[] known,
                                       Map<Integer, Map<String, String>> tags) {
        int n = 0;
        int[] newIndex = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            newIndex[i] = known[i] ? n++ : -1;
        }
        long[] kIds = new long[n];
        int[] kLat = new int[n];
        int[] kLon = new int[n];
        Map<Integer, Map<String, String>> kTags = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (known[i]) {
                int k = newIndex[i];
                kIds[k] = ids[i];
                kLat[k] = lat[i];
                kLon[k] = lon[i];
                if (tags.containsKey(i)) {
                    kTags.put(k, tags.get(i));
                }
            }
        }
        return new RoadExtract(roads, kIds, kLat, kLon, kTags, List.of(), null, 0, 0, 0, 0);
    }

    /** Pass 1: node ids inside the area, parking nodes there, the box around the whole region. */
    private static final class NodeScan {
        final Area area;
        final LongArrayList inside = new LongArrayList(1 << 16);
        final List<OsmParking> parkingNodes = new ArrayList<>();
        long count;
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;

        NodeScan(Area area) {
            this.area = area;
        }

        void node(long id, double lat, double lon, Map<String, String> tags) {
            count++;
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            if (area.contains(lat, lon)) {
                inside.add(id);
                if ("parking".equals(tags.get("amenity"))) {
                    parkingNodes.add(new OsmParking("node", id, lat, lon, 0, Map.copyOf(tags)));
                }
            }
        }

        BoundingBox bounds() {
            return count == 0 || minLon >= maxLon || minLat >= maxLat ? null : new BoundingBox(minLon, minLat, maxLon, maxLat);
        }
    }
}
