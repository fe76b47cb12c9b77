package de.parkleit.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.graph.RoadGraphBuilder;
import de.parkleit.routing.graph.TravelMode;
import org.junit.jupiter.api.Test;

class UnroutableTest {

    /** Two one-way streets pointing away from each other, joined at nothing. */
    private static RoadNetwork twoIslands() {
        RoadGraphBuilder b = new RoadGraphBuilder(TravelMode.CAR);
        int a1 = b.addNode(494000000, 86900000);
        int a2 = b.addNode(494010000, 86900000);
        int b1 = b.addNode(494000000, 86950000);
        int b2 = b.addNode(494010000, 86950000);
        b.addEdge(b.addSegment(1, a1, a2, new int[0], new int[0], 0), false, 11_100, 1_000, RoadClass.RESIDENTIAL);
        b.addEdge(b.addSegment(2, b1, b2, new int[0], new int[0], 0), false, 11_100, 1_000, RoadClass.RESIDENTIAL);
        return new RoadNetwork(b.build(false).graph(), 100);
    }

    @Test
    void reportsAnUnroutablePairAsNoRoute() {
        RoadNetwork net = twoIslands();
        GeoPoint onA = new GeoPoint(49.4005, 8.69);
        GeoPoint onB = new GeoPoint(49.4005, 8.695);
        assertThatThrownBy(() -> net.route(onA, onB, Optimize.TIME)).isInstanceOf(NoRouteException.class);
        Route along = net.route(new GeoPoint(49.4002, 8.69), new GeoPoint(49.4008, 8.69), Optimize.DISTANCE);
        assertThat(along.distanceMeters()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(1.0));
        assertThatThrownBy(() -> net.route(new GeoPoint(49.4008, 8.69), new GeoPoint(49.4002, 8.69), Optimize.TIME))
                .as("against the one-way street").isInstanceOf(NoRouteException.class);
    }
}
