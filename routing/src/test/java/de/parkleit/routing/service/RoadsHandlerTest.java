package de.parkleit.routing.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.network.RoadNetwork;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RoadsHandlerTest {

    @Test
    void servesEverySegmentOfTheDemoCityAsALineStringInsideTheExtract() {
        RoadNetwork network = RoadNetwork.load(Path.of("../cities/heidelberg/roads.osm.pbf"));
        JsonObject fc = new JsonObject(new RoadsHandler(null, network).geoJson());
        JsonArray features = fc.getJsonArray("features");
        assertThat(features.size()).isGreaterThan(1000).isLessThanOrEqualTo(network.graph().segmentCount());
        for (Object o : features) {
            JsonObject f = (JsonObject) o;
            assertThat(f.getJsonObject("geometry").getString("type")).isEqualTo("LineString");
            JsonArray coords = f.getJsonObject("geometry").getJsonArray("coordinates");
            assertThat(coords.size()).isGreaterThanOrEqualTo(2);
            for (Object c : coords) {
                JsonArray p = (JsonArray) c;
                // bbox of the centre cut (8.655,49.395 – 8.725,49.42) plus ways that leave it
                assertThat(p.getDouble(0)).isBetween(8.60, 8.78);
                assertThat(p.getDouble(1)).isBetween(49.36, 49.45);
            }
            JsonObject props = f.getJsonObject("properties");
            assertThat(props.getLong("maxspeedKmh")).isBetween(3L, 130L);
            assertThat(props.getLong("speedKmh")).isPositive();
        }
    }
}
