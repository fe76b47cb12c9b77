package de.parkleit.cityinit.extract;

import java.util.Optional;

/** Centroid and area of a closed {@code amenity=parking} way (shoelace formula on a local plane in metres). */
final class ParkingArea {

    private static final double M_PER_DEG = 111_320;

    private ParkingArea() {
    }

    static Optional<OsmParking> of(OsmWay way, RoadExtract nodes) {
        long[] refs = way.refs();
        double[] lat = new double[refs.length];
        double[] lon = new double[refs.length];
        for (int i = 0; i < refs.length; i++) {
            int k = nodes.indexOf(refs[i]);
            if (k < 0) {
                return Optional.empty();
            }
            lat[i] = nodes.latE7()[k] / 1e7;
            lon[i] = nodes.lonE7()[k] / 1e7;
        }
        double cos = Math.cos(Math.toRadians(lat[0]));
        double a2 = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i + 1 < refs.length; i++) {
            double x1 = (lon[i] - lon[0]) * M_PER_DEG * cos;
            double y1 = (lat[i] - lat[0]) * M_PER_DEG;
            double x2 = (lon[i + 1] - lon[0]) * M_PER_DEG * cos;
            double y2 = (lat[i + 1] - lat[0]) * M_PER_DEG;
            double cross = x1 * y2 - x2 * y1;
            a2 += cross;
            cx += (x1 + x2) * cross;
            cy += (y1 + y2) * cross;
        }
        if (Math.abs(a2) < 1e-6) {
            return Optional.empty();
        }
        double x = cx / (3 * a2);
        double y = cy / (3 * a2);
        return Optional.of(new OsmParking("way", way.id(), lat[0] + y / M_PER_DEG, lon[0] + x / (M_PER_DEG * cos),
                Math.abs(a2) / 2, way.tags()));
    }
}
