package de.parkleit.routing.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.routing.graph.EdgeGeometry;
import de.parkleit.routing.graph.RoadClass;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.routing.network.TestNetworks;
import de.parkleit.routing.traffic.Detector;
import de.parkleit.routing.traffic.DetectorsGeoJson;
import de.parkleit.routing.traffic.LiveTraffic;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo city's placed detectors ({@code cities/heidelberg/detectors.geojson}) against its road
 * network, and the road layer the web map colours by live speed once their readings arrive.
 */
class HeidelbergDetectorsTest {

    private static final Set<RoadClass> MAIN_ROADS = EnumSet.of(RoadClass.PRIMARY, RoadClass.SECONDARY, RoadClass.TERTIARY,
            RoadClass.TRUNK);

    private static List<Detector> detectors() throws Exception {
        Path file = TestNetworks.repoFile("cities/heidelberg/detectors.geojson");
        try (InputStream in = Files.newInputStream(file)) {
            return DetectorsGeoJson.parse(in, file.toString());
        }
    }

    @Test
    void everyDetectorSitsOnAMainRoadInTheDirectionItMeasures() throws Exception {
        RoadNetwork network = RoadNetwork.load(TestNetworks.heidelbergCut());
        EdgeGeometry geometry = new EdgeGeometry(network.graph());
        List<Detector> detectors = detectors();
        assertThat(detectors).hasSizeBetween(8, 12);
        assertThat(detectors.stream().map(Detector::id).distinct()).hasSameSizeAs(detectors);
        for (Detector d : detectors) {
            LiveTraffic.Binding b = network.traffic().addDetector(d).orElseThrow(() -> new AssertionError(d.id() + " not bound"));
            assertThat(b.snapMeters()).as(d.id() + " distance to the road").isLessThan(5);
            assertThat(b.edges()).as(d.id() + " measures one direction").hasSize(1);
            int edge = b.edges()[0];
            assertThat(network.graph().roadClass(edge)).as(d.id() + " road class").isIn(MAIN_ROADS);
            double diff = Math.abs(geometry.bearingAt(edge, 0.5) - d.headingDeg()) % 360;
            assertThat(Math.min(diff, 360 - diff)).as(d.id() + " heading against the road").isLessThan(30);
        }
        assertThat(network.traffic().detectorCount()).isEqualTo(detectors.size());
    }

    @Test
    void aSlowReadingTurnsItsRoadSegmentRedOnTheMapLayer() throws Exception {
        RoadNetwork network = RoadNetwork.load(TestNetworks.heidelbergCut());
        detectors().forEach(network.traffic()::addDetector);
        RoadsHandler roads = new RoadsHandler(null, network);
        assertThat(slowSegments(roads.geoJson())).isZero();

        Instant now = Instant.parse("2026-11-26T16:30:00Z");
        assertThat(network.traffic().apply(new TrafficReading("hd-d06-rohrbacher", now, 60, 14, 11.0, 35.0))).isTrue();
        network.refreshTravelTimes(now.plusSeconds(5));

        assertThat(slowSegments(roads.geoJson())).isEqualTo(1);

        // every detector, whichever direction of its road it measures, colours its own segment
        for (Detector d : detectors()) {
            network.traffic().apply(new TrafficReading(d.id(), now.plusSeconds(10), 60, 14, 11.0, 35.0));
        }
        network.refreshTravelTimes(now.plusSeconds(15));
        assertThat(slowSegments(roads.geoJson())).isEqualTo(detectors().size());
    }

    /** Segments the map draws red: live speed below 40 % of the limit (basemap.js roadStyle). */
    private static long slowSegments(String geojson) {
        return new JsonObject(geojson).getJsonArray("features").stream().map(JsonObject.class::cast)
                .map(f -> f.getJsonObject("properties"))
                .filter(p -> p.getLong("speedKmh") < 0.4 * p.getLong("maxspeedKmh")).count();
    }
}
