package de.parkleit.routing.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorsGeoJsonTest {

    private static List<Detector> parse(String json) throws Exception {
        return DetectorsGeoJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "detectors.geojson");
    }

    @Test
    void readsDetectorsWithOptionalHeadingLanesAndCapacity() throws Exception {
        List<Detector> ds = parse("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[8.6925,49.4085]},
                  "properties":{"id":"D7","heading":350,"lanes":2,"capacityPerLane":900}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[8.70,49.41]},"properties":{"id":"D8"}}]}""");
        assertThat(ds).hasSize(2);
        assertThat(ds.get(0).headingDeg()).isEqualTo(350.0);
        assertThat(ds.get(0).lanes()).isEqualTo(2);
        assertThat(ds.get(0).position().lat()).isEqualTo(49.4085);
        assertThat(ds.get(1).headingDeg()).isNull();
        assertThat(ds.get(1).lanes()).isEqualTo(1);
    }

    @Test
    void namesTheFeatureThatIsMalformed() {
        assertThatThrownBy(() -> parse("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[8.6925,49.4085]},"properties":{"id":"ok"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[8.6925,49.4085]},"properties":{"id":"bad id!"}}]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 1");
        assertThatThrownBy(() -> parse("{\"type\":\"Feature\"}")).hasMessageContaining("not a GeoJSON FeatureCollection");
    }
}
