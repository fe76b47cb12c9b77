package de.parkleit.app;

import static de.parkleit.dashboard.opendata.datex2.Datex2Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.AvailabilityLevel;
import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.state.FacilityState;
import de.parkleit.dashboard.opendata.datex2.Datex2Exports;
import de.parkleit.dashboard.opendata.datex2.Datex2Fixture;
import de.parkleit.dashboard.opendata.datex2.Datex2Schemas;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedSite;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.datex2.Datex2Parser;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's DATEX II v2.3 exports read back by the feeds module's {@link Datex2Parser} (the adapter a
 * parkleit node uses to read another city's feed): the status gives the same free counts, capacities and times as
 * the board, and a facility without a current count (no data, stale, closed) is reported as missing its count,
 * never read as a number; the table gives names (with {@code &}, {@code <}, umlauts), capacities and positions.
 * In app because only app sees both modules. The same schema check also accepts the real Aachen feeds.
 */
class Datex2RoundTripTest {

    @Test
    void theStatusReadBackGivesTheSameFreeCounts() throws Exception {
        for (LiveBoard board : new LiveBoard[] {Datex2Fixture.cases(), Datex2Fixture.city(500, 11)}) {
            Datex2Exports exports = Datex2Fixture.exports(board, FreeSpaceOutlook.NONE);
            FeedSnapshot read = new Datex2Parser().parse(exports.status23(NOW));
            Map<String, Integer> expected = new HashMap<>();
            for (Facility f : board.facilities()) {
                AvailabilityLevel level = board.level(f.id());
                if (level != AvailabilityLevel.CLOSED && level != AvailabilityLevel.STALE) {
                    expected.put(f.id(), board.stateOf(f.id()).free());
                }
            }
            Map<String, Integer> free = read.sites().stream().collect(Collectors.toMap(FeedSite::sourceId, FeedSite::free));
            assertThat(free).isEqualTo(expected);
            for (FeedSite s : read.sites()) {
                FacilityState st = board.stateOf(s.sourceId());
                assertThat(s.capacity()).isEqualTo(st.capacity());
                assertThat(s.observedAt()).isEqualTo(st.updatedAt());
            }
            assertThat(read.problems().stream().map(FeedProblem::sourceId))
                    .containsExactlyInAnyOrderElementsOf(board.facilities().stream().map(Facility::id)
                            .filter(id -> !expected.containsKey(id)).toList());
            assertThat(expected).isNotEmpty();
            assertThat(read.problems()).isNotEmpty();
        }
    }

    /**
     * The schema check the export tests rely on accepts the real feeds the export imitates (Aachen's v2.3 table and
     * status from the national access point, copied into the feeds module's test resources).
     */
    @Test
    void theSameSchemaCheckAcceptsTheRealAachenFeeds() throws Exception {
        for (String feed : new String[] {"feeds/aachen-static.xml", "feeds/aachen-realtime.xml"}) {
            try (var in = getClass().getClassLoader().getResourceAsStream(feed)) {
                assertThat(in).as(feed).isNotNull();
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(Datex2Schemas.V2_3.errors(xml)).as(feed).isEmpty();
                assertThat(Datex2Schemas.V2_3.errors(xml.replaceFirst("modelBaseVersion=\"2\"", "modelBaseVersion=\"3\""))).as(feed)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void theTableReadBackGivesNamesCapacitiesAndPositions() throws Exception {
        LiveBoard board = Datex2Fixture.cases();
        FeedSnapshot read = new Datex2Parser().parse(Datex2Fixture.exports(board, FreeSpaceOutlook.NONE).table23(NOW));
        assertThat(read.problems()).isEmpty();
        assertThat(read.sites()).hasSize(board.facilities().size());
        for (FeedSite s : read.sites()) {
            Facility f = board.facility(s.sourceId()).orElseThrow();
            assertThat(s.name()).isEqualTo(f.name());
            assertThat(s.capacity()).isEqualTo(f.capacity());
            assertThat(s.lat()).isEqualTo(f.lat());
            assertThat(s.lon()).isEqualTo(f.lon());
        }
        assertThat(read.sites().get(0).name()).isEqualTo(Datex2Fixture.AWKWARD_NAME);
    }
}
