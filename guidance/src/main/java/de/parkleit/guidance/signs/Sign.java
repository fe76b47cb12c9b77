package de.parkleit.guidance.signs;

import de.parkleit.core.Ids;
import java.util.List;
import java.util.Objects;

/**
 * A variable message sign of the city.
 *
 * @param heading    direction of travel of the drivers who read it, degrees clockwise from north
 * @param facilities the facilities it shows, one line each, in this order (1..8)
 * @param display    whether it shows free counts or only {@code frei}/{@code besetzt}
 */
public record Sign(String id, String name, double lat, double lon, double heading, List<String> facilities, Display display) {

    /** Most lines a sign can show. */
    public static final int MAX_LINES = 8;

    /** What a line shows while a facility has spaces. */
    public enum Display { COUNT, TEXT }

    public Sign {
        Ids.require(id, "sign id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(display, "display");
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("sign " + id + ": position out of range: " + lat + "," + lon);
        }
        if (!(heading >= 0 && heading < 360)) {
            throw new IllegalArgumentException("sign " + id + ": heading must be within [0, 360) degrees, got " + heading);
        }
        facilities = List.copyOf(facilities);
        if (facilities.isEmpty() || facilities.size() > MAX_LINES) {
            throw new IllegalArgumentException("sign " + id + ": shows 1.." + MAX_LINES + " facilities, got " + facilities.size());
        }
        if (facilities.stream().distinct().count() != facilities.size()) {
            throw new IllegalArgumentException("sign " + id + ": a facility is listed twice");
        }
    }
}
