package de.parkleit.guidance;

import de.parkleit.routing.graph.GeoPoint;
import java.util.List;
import java.util.function.Supplier;

/**
 * The drive from the origin to one facility under the travel times current at the search.
 *
 * @param weightsVersion version of the travel times searched with (live traffic)
 * @param lineSource     builds the driven line on demand (only the returned results need it)
 */
public record DriveLeg(double seconds, double meters, long weightsVersion, Supplier<List<GeoPoint>> lineSource) {

    public List<GeoPoint> line() {
        return lineSource.get();
    }
}
