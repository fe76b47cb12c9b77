package de.parkleit.guidance;

import de.parkleit.core.guidance.Issued;
import de.parkleit.routing.graph.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * The answer to one guidance request: the facilities ranked best first (the first is the
 * recommendation, counted in the closed loop as {@code issued}).
 *
 * @param arrive the requested arrival time, or null for "now + drive time"
 */
public record GuidancePlan(String requestId, Instant at, GeoPoint from, GeoPoint to, Instant arrive, List<Candidate> ranked,
                           Issued issued) {

    public GuidancePlan {
        ranked = List.copyOf(ranked);
    }

    public Candidate recommended() {
        return ranked.get(0);
    }
}
