package de.parkleit.cityinit.area;

import java.util.Locale;

/** A west/south/east/north box in degrees (WGS 84). */
public record BoundingBox(double west, double south, double east, double north) implements Area {

    public BoundingBox {
        if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) {
            throw new IllegalArgumentException("bbox out of range: " + format(west, south, east, north));
        }
        if (!(west < east && south < north)) {
            throw new IllegalArgumentException("bbox must be W,S,E,N with W < E and S < N, got " + format(west, south, east, north));
        }
    }

    /** Parses {@code W,S,E,N}. */
    public static BoundingBox parse(String text) {
        String[] p = text.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("bbox must be W,S,E,N (four numbers), got '" + text + "'");
        }
        try {
            return new BoundingBox(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                    Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bbox must be W,S,E,N (four numbers), got '" + text + "'", e);
        }
    }

    /** The box around points, widened by {@code km} on every side. */
    public static BoundingBox around(double minLat, double minLon, double maxLat, double maxLon, double km) {
        double dLat = km / 111.32;
        double dLon = km / (111.32 * Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        return new BoundingBox(Math.max(-180, minLon - dLon), Math.max(-90, minLat - dLat),
                Math.min(180, maxLon + dLon), Math.min(90, maxLat + dLat));
    }

    @Override
    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    public boolean intersects(BoundingBox o) {
        return west <= o.east && o.west <= east && south <= o.north && o.south <= north;
    }

    @Override
    public BoundingBox bounds() {
        return this;
    }

    @Override
    public String describe() {
        return "bbox " + this;
    }

    @Override
    public String toString() {
        return format(west, south, east, north);
    }

    private static String format(double w, double s, double e, double n) {
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", w, s, e, n);
    }
}
