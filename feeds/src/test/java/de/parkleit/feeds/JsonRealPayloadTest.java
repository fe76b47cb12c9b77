package de.parkleit.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.feeds.ngsi.NgsiParser;
import de.parkleit.feeds.parkapi.ParkApiV3Parser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every site of heidelberg.json (NGSI-v2) and the ParkAPI v3 fixture, expected values from a Jackson tree. */
class JsonRealPayloadTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode val(JsonNode e, String attr) {
        JsonNode a = e.get(attr);
        return a == null ? null : a.get("value");
    }

    private static Double dbl(JsonNode n) {
        return n == null || n.isNull() ? null : n.doubleValue();
    }

    @Test
    void heidelbergNgsiEverySite() throws Exception {
        byte[] json = Fixtures.bytes("heidelberg.json");
        FeedSnapshot snap = new NgsiParser().parse(new ByteArrayInputStream(json));
        JsonNode tree = M.readTree(json);
        assertThat(snap.problems()).isEmpty();
        assertThat(snap.sites()).hasSize(tree.size());
        Map<String, FeedSite> byId = snap.sites().stream().collect(Collectors.toMap(FeedSite::sourceId, Function.identity()));
        for (JsonNode e : tree) {
            String id = e.get("id").asText();
            FeedSite s = byId.get(id);
            assertThat(s).as(id).isNotNull();
            JsonNode free = val(e, "availableSpotNumber");
            assertThat(s.free()).as(id).isEqualTo(free == null || free.isNull() ? null : free.intValue());
            assertThat(s.capacity()).as(id).isEqualTo(val(e, "totalSpotNumber").intValue());
            assertThat(s.name()).as(id).isEqualTo(val(e, "name").asText());
            assertThat(s.lat()).as(id).isEqualTo(dbl(val(e, "lat")));
            assertThat(s.lon()).as(id).isEqualTo(dbl(val(e, "lon")));
            assertThat(s.observedAt()).as(id).isEqualTo(Instant.parse(val(e, "observationDateTime").asText()));
            String st = val(e, "status").asText();
            assertThat(s.status()).as(id).isEqualTo(st.equals("Offen") ? FacilityStatus.OPEN
                    : st.equals("Geschlossen") ? FacilityStatus.CLOSED : FacilityStatus.UNKNOWN);
            JsonNode kind = val(e, "parking_type");
            assertThat(s.type()).as(id).isEqualTo(kind == null ? null : kind.asText().equals("Parking Garage")
                    ? FacilityType.GARAGE : kind.asText().equals("Park and Ride Car Park") ? FacilityType.PARK_AND_RIDE : s.type());
            JsonNode open = val(e, "openingHours");
            JsonNode close = val(e, "closingHours");
            assertThat(s.openingHours()).as(id).isEqualTo(open == null || close == null ? null
                    : open.asText().equals("00:00") && close.asText().equals("00:00") ? "24/7" : open.asText() + "-" + close.asText());
            JsonNode web = val(e, "website");
            assertThat(s.url()).as(id).isEqualTo(web == null || web.isNull() ? null : web.asText());
        }
        assertThat(snap.sites()).filteredOn(x -> x.type() == FacilityType.GARAGE).hasSizeGreaterThan(10);
        assertThat(snap.sites()).filteredOn(x -> "24/7".equals(x.openingHours())).hasSizeGreaterThan(10);
        assertThat(snap.sites()).filteredOn(x -> x.openingHours() != null && x.openingHours().startsWith("06:00-")).isNotEmpty();
    }

    @Test
    void heidelbergRecordingHasTheFaultsTheAdapterMustReject() throws Exception {
        FeedSnapshot snap = new NgsiParser().parse(new ByteArrayInputStream(Fixtures.bytes("heidelberg.json")));
        FeedReadings r = new FeedReadings(Map.of(), true, java.time.Duration.ofMinutes(5));
        FeedReadings.Result res = r.apply(snap, Instant.parse("2024-06-08T13:30:00Z"));
        // P23 reports -8 free in the recording; P19/P20 report no free count: rejected, not sent
        assertThat(res.rejects()).extracting(FeedProblem::sourceId)
                .contains("urn:ngsiv2:OffStreetParking:P23", "urn:ngsiv2:OffStreetParking:P19", "urn:ngsiv2:OffStreetParking:P20");
    }

    @Test
    void parkApiV3EverySite() throws Exception {
        byte[] json = Fixtures.bytes("parkapi-v3-parking-sites.json");
        FeedSnapshot snap = new ParkApiV3Parser().parse(new ByteArrayInputStream(json));
        JsonNode items = M.readTree(json).get("items");
        assertThat(snap.problems()).isEmpty();
        assertThat(snap.sites()).hasSize(items.size());
        Map<String, FeedSite> byId = snap.sites().stream().collect(Collectors.toMap(FeedSite::sourceId, Function.identity()));
        for (JsonNode e : items) {
            String id = e.get("original_uid").asText();
            FeedSite s = byId.get(id);
            assertThat(s).as(id).isNotNull();
            JsonNode cap = e.has("realtime_capacity") ? e.get("realtime_capacity") : e.get("capacity");
            assertThat(s.capacity()).isEqualTo(cap.intValue());
            assertThat(s.free()).isEqualTo(e.has("realtime_free_capacity") ? e.get("realtime_free_capacity").intValue() : null);
            assertThat(s.observedAt()).isEqualTo(e.has("realtime_data_updated_at")
                    ? OffsetDateTime.parse(e.get("realtime_data_updated_at").asText()).toInstant() : null);
            assertThat(s.status()).isEqualTo(e.has("realtime_opening_status")
                    ? FacilityStatus.valueOf(e.get("realtime_opening_status").asText()) : null);
            assertThat(s.lat()).isEqualTo(Double.valueOf(e.get("lat").asText()));
            assertThat(s.name()).isEqualTo(e.get("name").asText());
            String t = e.get("type").asText();
            assertThat(s.type()).isEqualTo(t.equals("CAR_PARK") ? FacilityType.GARAGE
                    : t.equals("OFF_STREET_PARKING_GROUND") ? FacilityType.LOT : FacilityType.OTHER);
            assertThat(s.openingHours()).isEqualTo(e.has("opening_hours") ? e.get("opening_hours").asText() : null);
            assertThat(s.url()).isEqualTo(e.has("public_url") ? e.get("public_url").asText() : null);
        }
        assertThat(snap.sites()).extracting(FeedSite::url).filteredOn(java.util.Objects::nonNull).hasSize(1);
    }
}
