package de.parkleit.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.TravelMode;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.RoutingConfig;
import de.parkleit.routing.network.TestNetworks;
import org.junit.jupiter.api.Test;

class NetworkWalkRouterTest {

    private static final GeoPoint P9_AM_THEATER = new GeoPoint(49.408948, 8.702936);

    @Test
    void walksOnTheFootNetworkAndFallsBackToCrowFlyOffIt() {
        RoadNetwork foot = RoadNetwork.load(TestNetworks.heidelbergCut(), TravelMode.FOOT, RoutingConfig.DEFAULTS);
        NetworkWalkRouter walk = new NetworkWalkRouter(foot, 4.8, new CrowFlyWalk(1.3, 4.8));
        WalkLeg leg = walk.walk(P9_AM_THEATER, GuidanceFixture.UNIVERSITAETSPLATZ);
        double crow = P9_AM_THEATER.distanceTo(GuidanceFixture.UNIVERSITAETSPLATZ);
        assertThat(leg.approximation()).isEqualTo("foot-network");
        assertThat(leg.meters()).isBetween(crow, 1.8 * crow);
        assertThat(leg.seconds()).isCloseTo(leg.meters() / (4.8 / 3.6), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(leg.line().size()).isGreaterThan(3);
        WalkLeg far = walk.walk(P9_AM_THEATER, new GeoPoint(49.30, 8.50));
        assertThat(far.approximation()).isEqualTo("crow-fly");
        assertThatThrownBy(() -> new NetworkWalkRouter(TestNetworks.heidelbergCar(), 4.8, new CrowFlyWalk(1.3, 4.8)))
                .hasMessageContaining("foot network");
    }
}
