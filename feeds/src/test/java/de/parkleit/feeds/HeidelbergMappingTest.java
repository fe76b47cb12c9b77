package de.parkleit.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Heidelberg NGSI id mapping: every target is a facility of cities/heidelberg, every source id is in the recording. */
class HeidelbergMappingTest {

    @Test
    void mappingTargetsExistAndSourcesAreInTheRecording() throws Exception {
        List<FeedSource> sources = FeedSource.load(Path.of(getClass().getResource("/feeds/heidelberg-feeds.properties").toURI()));
        assertThat(sources).singleElement().satisfies(s -> assertThat(s.format()).isEqualTo(FeedFormat.NGSI));
        FeedSource s = sources.get(0);
        ObjectMapper m = new ObjectMapper();
        Set<String> facilities = new HashSet<>();
        for (JsonNode f : m.readTree(Path.of("../cities/heidelberg/facilities.geojson").toFile()).get("features")) {
            facilities.add(f.has("id") ? f.get("id").asText() : f.get("properties").get("id").asText());
        }
        Set<String> inFeed = new HashSet<>();
        for (JsonNode e : m.readTree(Fixtures.bytes("heidelberg.json"))) {
            inFeed.add(e.get("id").asText());
        }
        assertThat(s.idMap()).hasSize(facilities.size());
        assertThat(facilities).containsExactlyInAnyOrderElementsOf(s.idMap().values());
        assertThat(inFeed).containsAll(s.idMap().keySet());
    }
}
