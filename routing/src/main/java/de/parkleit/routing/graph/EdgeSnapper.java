package de.parkleit.routing.graph;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Snaps positions to the nearest point of any segment (not only to junctions) with a JTS
 * {@link STRtree} over every straight piece of every segment. Coordinates are projected to a
 * local equirectangular plane in metres around the graph's centre, accurate to well under a
 * metre at city scale. Built once; safe for concurrent queries.
 */
public final class EdgeSnapper {

    private static final double METERS_PER_DEGREE = Math.PI * EarthDistance.EARTH_RADIUS_M / 180;

    /** One straight piece of a segment: points {@code index} and {@code index + 1}. */
    private record Piece(int segment, int index, double x1, double y1, double x2, double y2) {
    }

    private final RoadGraph graph;
    private final STRtree tree;
    private final double cosLat;

    public EdgeSnapper(RoadGraph graph) {
        this.graph = graph;
        double latSum = 0;
        for (int v = 0; v < graph.nodeCount(); v++) {
            latSum += graph.lat(v);
        }
        this.cosLat = Math.cos(Math.toRadians(graph.nodeCount() == 0 ? 0 : latSum / graph.nodeCount()));
        this.tree = new STRtree();
        for (int s = 0; s < graph.segmentCount(); s++) {
            int points = graph.segmentPointCount(s);
            for (int i = 0; i + 1 < points; i++) {
                Piece p = new Piece(s, i, x(graph.segmentLonE7(s, i)), y(graph.segmentLatE7(s, i)),
                        x(graph.segmentLonE7(s, i + 1)), y(graph.segmentLatE7(s, i + 1)));
                tree.insert(new Envelope(p.x1, p.x2, p.y1, p.y2), p);
            }
        }
        tree.build();
    }

    public RoadGraph graph() {
        return graph;
    }

    /** The nearest point on the network, if one lies within {@code maxMeters}. */
    public Optional<Snap> snap(double lat, double lon, double maxMeters) {
        if (graph.segmentCount() == 0) {
            return Optional.empty();
        }
        double px = lon * METERS_PER_DEGREE * cosLat;
        double py = lat * METERS_PER_DEGREE;
        Piece query = new Piece(-1, -1, px, py, px, py);
        ItemDistance distance = (a, b) -> pieceDistance(itemOf(a), itemOf(b));
        Piece best = (Piece) tree.nearestNeighbour(new Envelope(px, px, py, py), query, distance);
        if (best == null) {
            return Optional.empty();
        }
        double t = projection(best, px, py);
        double sx = best.x1 + t * (best.x2 - best.x1);
        double sy = best.y1 + t * (best.y2 - best.y1);
        GeoPoint point = new GeoPoint(sy / METERS_PER_DEGREE, sx / (METERS_PER_DEGREE * cosLat));
        double dist = EarthDistance.meters(lat, lon, point.lat(), point.lon());
        if (dist > maxMeters) {
            return Optional.empty();
        }
        double fraction = fractionAlong(best.segment, best.index, t);
        int node = -1;
        for (boolean start : new boolean[] {true, false}) {
            int j = graph.segmentNode(best.segment, start);
            if (node < 0 && EarthDistance.meters(point.lat(), point.lon(), graph.lat(j), graph.lon(j)) <= Snap.JUNCTION_METERS) {
                node = j;
                fraction = start ? 0 : 1;
                point = new GeoPoint(graph.lat(j), graph.lon(j));
                dist = EarthDistance.meters(lat, lon, point.lat(), point.lon());
            }
        }
        return Optional.of(new Snap(best.segment, fraction, point, dist,
                graph.segmentForward(best.segment), graph.segmentBackward(best.segment), node));
    }

    private static Piece itemOf(ItemBoundable b) {
        return (Piece) b.getItem();
    }

    private static double pieceDistance(Piece a, Piece b) {
        Piece query = a.segment < 0 ? a : b;
        Piece piece = a.segment < 0 ? b : a;
        double t = projection(piece, query.x1, query.y1);
        double dx = piece.x1 + t * (piece.x2 - piece.x1) - query.x1;
        double dy = piece.y1 + t * (piece.y2 - piece.y1) - query.y1;
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static double projection(Piece p, double px, double py) {
        double vx = p.x2 - p.x1;
        double vy = p.y2 - p.y1;
        double len2 = vx * vx + vy * vy;
        if (len2 == 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, ((px - p.x1) * vx + (py - p.y1) * vy) / len2));
    }

    /** Fraction of the segment's length before piece {@code index} at parameter {@code t}. */
    private double fractionAlong(int segment, int index, double t) {
        double before = 0;
        double total = 0;
        int points = graph.segmentPointCount(segment);
        for (int i = 0; i + 1 < points; i++) {
            double len = EarthDistance.metersE7(graph.segmentLatE7(segment, i), graph.segmentLonE7(segment, i),
                    graph.segmentLatE7(segment, i + 1), graph.segmentLonE7(segment, i + 1));
            if (i < index) {
                before += len;
            } else if (i == index) {
                before += t * len;
            }
            total += len;
        }
        return total == 0 ? 0 : Math.min(1, before / total);
    }

    private double x(int lonE7) {
        return lonE7 * 1e-7 * METERS_PER_DEGREE * cosLat;
    }

    private double y(int latE7) {
        return latE7 * 1e-7 * METERS_PER_DEGREE;
    }
}
