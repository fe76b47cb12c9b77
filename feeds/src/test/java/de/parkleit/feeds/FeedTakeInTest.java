package de.parkleit.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.feeds.ngsi.NgsiParser;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** unknown=create on the Heidelberg recording: unmapped sites with capacity and position become facilities. */
class FeedTakeInTest {

    private static final String P = "urn:ngsiv2:OffStreetParking:";

    @Test
    void unmappedSitesBecomeFacilitiesWithTheFeedsValuesAndMappedOnesStayAsTheyAre() throws Exception {
        FeedSnapshot snap = new NgsiParser().parse(new ByteArrayInputStream(Fixtures.bytes("heidelberg.json")));
        FeedSource src = new FeedSource("hd", FeedFormat.NGSI, null, java.nio.file.Path.of("x.json"), Duration.ofMinutes(1),
                1_000_000, Map.of(P + "P01", "heidelbergp1poststrasse"), false, Duration.ofMinutes(5), null, null, null, null,
                null, null, true);
        FeedTakeIn.Result r = FeedTakeIn.from(snap, src, Set.of("heidelbergp1poststrasse", "hd-P02"));

        assertThat(r.ids()).doesNotContainKey(P + "P01");
        assertThat(r.ids()).containsEntry(P + "P02", "hd-P02");
        assertThat(r.facilities()).extracting(Facility::id).doesNotContain("hd-P02", "hd-P01");
        long others = snap.sites().size() - 2; // P01 mapped, P02 matched
        assertThat(r.facilities().size() + r.skipped().size()).isEqualTo((int) others);
        assertThat(r.skipped()).hasSize((int) snap.sites().stream().filter(s -> !s.sourceId().endsWith(":P01")
                && !s.sourceId().endsWith(":P02") && (s.lat() == null || s.lon() == null || s.capacity() == null || s.capacity() <= 0)).count());
        for (Facility f : r.facilities()) {
            FeedSite s = snap.sites().stream().filter(x -> FeedTakeIn.facilityId("hd", x.sourceId()).equals(f.id()))
                    .findFirst().orElseThrow();
            assertThat(r.ids()).containsEntry(s.sourceId(), f.id());
            assertThat(f.name()).isEqualTo(s.name());
            assertThat(f.capacity()).isEqualTo(s.capacity());
            assertThat(f.lat()).isEqualTo(s.lat());
            assertThat(f.type()).isEqualTo(s.type() == null ? FacilityType.OTHER : s.type());
            assertThat(f.openingHours()).isEqualTo(s.openingHours() == null ? "" : s.openingHours());
        }
        assertThat(r.facilities()).extracting(Facility::id).contains("hd-P12");

        // the poller then maps them: a reading for a taken-in site goes out under its new id
        FeedReadings readings = new FeedReadings(src.withIds(r.ids()).idMap(), false, Duration.ofMinutes(5));
        FeedReadings.Result res = readings.apply(snap, Instant.parse("2024-06-08T13:30:00Z"));
        assertThat(res.readings()).extracting(x -> x.facilityId()).contains("hd-P12", "hd-P02", "heidelbergp1poststrasse");
    }

    @Test
    void idsAreFoldedAndStable() {
        assertThat(FeedTakeIn.facilityId("aachen", "P1")).isEqualTo("aachen-P1");
        assertThat(FeedTakeIn.facilityId("hd", P + "P00")).isEqualTo("hd-P00");
        assertThat(FeedTakeIn.facilityId("x", "Parkhaus Süd / Ost")).isEqualTo("x-Parkhaus-Sud-Ost");
        String longId = FeedTakeIn.facilityId("city", "a".repeat(100));
        assertThat(longId).hasSize(64).isEqualTo(FeedTakeIn.facilityId("city", "a".repeat(100)));
    }
}
