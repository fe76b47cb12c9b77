package de.parkleit.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.Snap;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadNetworkTest {

    private final RoadNetwork net = TestNetworks.heidelbergCar();
    /** The garages inside the centre cut (P-Stadtwerke-style outliers south of the cut do not snap). */
    private final List<Facility> garages = TestNetworks.heidelbergFacilities().stream()
            .filter(f -> net.snap(at(f)).isPresent()).toList();

    @Test
    void snapsAlmostAllHeidelbergGaragesToTheCentreCut() {
        assertThat(garages).hasSizeGreaterThanOrEqualTo(17);
    }

    private static GeoPoint at(Facility f) {
        return new GeoPoint(f.lat(), f.lon());
    }

    @Test
    void routesBetweenEveryPairOfHeidelbergGaragesWithPlausibleLengths() {
        int routes = 0;
        for (Facility a : garages) {
            for (Facility b : garages) {
                Route r = net.route(at(a), at(b), Optimize.DISTANCE);
                double straight = at(a).distanceTo(at(b));
                Snap sa = net.snap(at(a)).orElseThrow();
                Snap sb = net.snap(at(b)).orElseThrow();
                assertThat(r.distanceMeters()).as("%s -> %s", a.id(), b.id())
                        .isGreaterThanOrEqualTo(straight - sa.distanceMeters() - sb.distanceMeters() - 1)
                        .isLessThan(4 * straight + 3000);
                assertThat(r.points().get(0).distanceTo(sa.point())).isLessThan(0.5);
                assertThat(r.points().get(r.points().size() - 1).distanceTo(sb.point())).isLessThan(0.5);
                assertThat(lineLength(r.points())).isCloseTo(r.distanceMeters(), org.assertj.core.data.Offset.offset(1.0 + r.distanceMeters() * 0.002));
                routes++;
            }
        }
        assertThat(routes).isEqualTo(garages.size() * garages.size());
    }

    @Test
    void fastestIsNeverSlowerAndShortestNeverLonger() {
        for (int i = 0; i + 1 < garages.size(); i++) {
            GeoPoint a = at(garages.get(i));
            GeoPoint b = at(garages.get(garages.size() - 1 - i));
            Route fast = net.route(a, b, Optimize.TIME);
            Route shortest = net.route(a, b, Optimize.DISTANCE);
            assertThat(fast.durationSeconds()).isLessThanOrEqualTo(shortest.durationSeconds() + 0.01);
            assertThat(shortest.distanceMeters()).isLessThanOrEqualTo(fast.distanceMeters() + 0.01);
        }
    }

    @Test
    void rejectsPositionsOffTheNetwork() {
        GeoPoint mannheim = new GeoPoint(49.4875, 8.4660);
        assertThatThrownBy(() -> net.route(mannheim, at(garages.get(0)), Optimize.TIME))
                .isInstanceOf(OutsideNetworkException.class)
                .hasMessageContaining("from");
        assertThatThrownBy(() -> net.route(at(garages.get(0)), mannheim, Optimize.TIME))
                .isInstanceOf(OutsideNetworkException.class)
                .satisfies(e -> assertThat(((OutsideNetworkException) e).which()).isEqualTo("to"));
    }

    @Test
    void newTravelTimesApplyToTheNextQueryOnly() {
        GeoPoint a = at(garages.get(0));
        GeoPoint b = at(garages.get(10));
        EdgeWeights before = net.travelTimes();
        Route free = net.route(a, b, Optimize.TIME);
        int[] slower = before.toArray();
        for (int e = 0; e < slower.length; e++) {
            slower[e] *= 2;
        }
        try {
            net.setTravelTimes(EdgeWeights.wrap(slower, before.version() + 1, Instant.now()));
            Route jammed = net.route(a, b, Optimize.TIME);
            assertThat(jammed.weightsVersion()).isEqualTo(before.version() + 1);
            assertThat(jammed.durationSeconds()).isCloseTo(2 * free.durationSeconds(), org.assertj.core.data.Offset.offset(0.05));
        } finally {
            net.setTravelTimes(before);
        }
    }

    @Test
    void oneToManyGivesTheSameLegsAsSeparateRoutes() {
        Snap origin = net.snap(new GeoPoint(49.4040, 8.6760)).orElseThrow();
        List<Snap> targets = garages.stream().map(f -> net.snap(at(f)).orElseThrow()).toList();
        for (Optimize o : Optimize.values()) {
            List<java.util.Optional<Leg>> legs = net.oneToMany(origin, targets, o);
            assertThat(legs).hasSize(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                Leg leg = legs.get(i).orElseThrow();
                Route r = net.route(origin, targets.get(i), o);
                assertThat(leg.target()).isEqualTo(i);
                assertThat(leg.distanceMeters()).isCloseTo(r.distanceMeters(), org.assertj.core.data.Offset.offset(0.5));
                assertThat(leg.durationSeconds()).isCloseTo(r.durationSeconds(), org.assertj.core.data.Offset.offset(0.5));
                assertThat(net.toRoute(leg).points()).isNotEmpty();
            }
        }
    }

    @Test
    void aTrafficReadingSlowsTheNextRouteThroughItsEdge() {
        RoadNetwork local = new RoadNetwork(net.graph(), RoutingConfig.DEFAULTS);
        Route before = local.route(at(garages.get(0)), at(garages.get(garages.size() - 1)), Optimize.TIME);
        int edge = before.path().edges()[before.path().edges().length / 2];
        var geometry = new de.parkleit.routing.graph.EdgeGeometry(local.graph());
        List<GeoPoint> mid = new java.util.ArrayList<>();
        geometry.append(edge, 0.5, 0.5, mid);
        GeoPoint onEdge = mid.get(0);
        double heading = geometry.bearingAt(edge, 0.5);
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        var binding = local.traffic().addDetector(new de.parkleit.routing.traffic.Detector("jam", onEdge, heading, 1, 0));
        assertThat(binding).isPresent();
        assertThat(binding.get().edges()).containsExactly(edge);
        local.traffic().apply(new de.parkleit.core.reading.TrafficReading("jam", now, 60, 0, 2.0, 90.0));
        long version = local.refreshTravelTimes(now.plusSeconds(10));
        Route after = local.route(at(garages.get(0)), at(garages.get(garages.size() - 1)), Optimize.TIME);
        assertThat(after.weightsVersion()).isEqualTo(version).isGreaterThan(before.weightsVersion());
        assertThat(after.durationSeconds()).isGreaterThan(before.durationSeconds());
    }

    private static double lineLength(List<GeoPoint> points) {
        double sum = 0;
        for (int i = 1; i < points.size(); i++) {
            sum += points.get(i - 1).distanceTo(points.get(i));
        }
        return sum;
    }
}
