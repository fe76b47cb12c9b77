package de.parkleit.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.FacilityStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedReadingsTest {

    private static final Instant T = Instant.parse("2024-06-08T13:25:00Z");

    @Test
    void anUnknownStatusIsLeftOutOfTheReadingBecauseTheWireKnowsOnlyOpenAndClosed() {
        FeedReadings r = new FeedReadings(Map.of("P3", "p3", "P4", "p4"), false, Duration.ofMinutes(5));
        FeedReadings.Result res = r.apply(new FeedSnapshot(List.of(
                new FeedSite("P3", null, 100, 12, FacilityStatus.UNKNOWN, T, null, null),
                new FeedSite("P4", null, 100, 0, FacilityStatus.CLOSED, T, null, null)), List.of()), T);
        assertThat(res.readings()).hasSize(2);
        assertThat(res.readings().get(0).status()).isNull();
        assertThat(new String(ReadingCodec.encode(res.readings().get(0)), StandardCharsets.UTF_8)).doesNotContain("status");
        assertThat(res.readings().get(1).status()).isEqualTo(FacilityStatus.CLOSED);
    }

    @Test
    void aCapacityOfZeroIsLeftOutBecauseTheWireTakesOnlyPositiveCapacities() {
        FeedReadings r = new FeedReadings(Map.of("P5", "p5"), false, Duration.ofMinutes(5));
        FeedReadings.Result res = r.apply(new FeedSnapshot(List.of(
                new FeedSite("P5", null, 0, 0, FacilityStatus.CLOSED, T, null, null)), List.of()), T);
        assertThat(res.rejects()).isEmpty();
        assertThat(res.readings()).singleElement().satisfies(x -> {
            assertThat(x.capacity()).isNull();
            assertThat(x.free()).isZero();
            assertThat(x.status()).isEqualTo(FacilityStatus.CLOSED);
        });
    }

    private static FeedSnapshot one(int free, Instant ts) {
        return new FeedSnapshot(List.of(new FeedSite("P1", null, 100, free, FacilityStatus.OPEN, ts, null, null)), List.of());
    }

    @Test
    void withoutAStaleLimitEveryNewerTimeStampIsSentEvenWithTheSameValues() {
        FeedReadings r = new FeedReadings(Map.of("P1", "p1"), false, Duration.ofMinutes(5));
        for (int m = 0; m <= 120; m += 10) {
            assertThat(r.apply(one(40, T.plusSeconds(60L * m)), T.plusSeconds(60L * m)).readings()).hasSize(1);
        }
    }

    @Test
    void aFrozenCountBehindNewerTimeStampsStopsBeingSentSoTheSiteTurnsStaleAtTheSourcesLimit() {
        // source limit 30 min, node stale-after 10 min: re-stamped unchanged values go out for 20 min after the
        // change, so ingest (10 min after the last reading's time stamp) turns the site stale 30 min after it
        FeedReadings r = new FeedReadings(Map.of("P1", "p1"), false, Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofMinutes(10));
        int sent = 0;
        Instant lastSent = null;
        int frozen = 0;
        for (int m = 0; m <= 60; m += 5) {
            Instant ts = T.plusSeconds(60L * m);
            FeedReadings.Result res = r.apply(one(40, ts), ts);
            sent += res.readings().size();
            frozen += res.frozen();
            if (!res.readings().isEmpty()) {
                lastSent = res.readings().get(0).ts();
            }
        }
        assertThat(lastSent).isEqualTo(T.plusSeconds(20 * 60));
        assertThat(lastSent.plus(Duration.ofMinutes(10))).as("stale for ingest from").isEqualTo(T.plusSeconds(30 * 60));
        assertThat(sent).isEqualTo(5); // minutes 0, 5, 10, 15, 20
        assertThat(frozen).isEqualTo(8); // minutes 25 … 60

        // a change of value goes out at once and starts the count again
        Instant changed = T.plusSeconds(61 * 60);
        assertThat(r.apply(one(39, changed), changed).readings()).singleElement()
                .satisfies(x -> assertThat(x.free()).isEqualTo(39));
        assertThat(r.apply(one(39, changed.plusSeconds(300)), changed.plusSeconds(300)).readings()).hasSize(1);
    }

    @Test
    void aLimitNotAboveTheNodesSendsNoReStampedUnchangedStatus() {
        FeedReadings r = new FeedReadings(Map.of("P1", "p1"), false, Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(15));
        assertThat(r.apply(one(40, T), T).readings()).hasSize(1);
        FeedReadings.Result again = r.apply(one(40, T.plusSeconds(60)), T.plusSeconds(60));
        assertThat(again.readings()).isEmpty();
        assertThat(again.frozen()).isEqualTo(1);
        assertThat(r.apply(one(41, T.plusSeconds(120)), T.plusSeconds(120)).readings()).hasSize(1);
    }

    @Test
    void feedsPropertiesTakeTheStaleLimitAndTheCreateOption(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("feeds.properties");
        java.nio.file.Files.writeString(f, "feed.a.format=ngsi\nfeed.a.file=a.json\nfeed.a.staleAfter=PT45M\nfeed.a.unknown=create\n"
                + "feed.b.format=datex2\nfeed.b.url=https://x/y\n");
        List<FeedSource> l = FeedSource.load(f);
        assertThat(l.get(0).staleAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(l.get(0).takeInUnknown()).isTrue();
        assertThat(l.get(0).file()).isEqualTo(dir.resolve("a.json"));
        assertThat(l.get(1).staleAfter()).isNull();
        assertThat(l.get(1).takeInUnknown()).isFalse();
        java.nio.file.Files.writeString(f, "feed.a.format=ngsi\nfeed.a.file=a.json\nfeed.a.unknown=maybe\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeedSource.load(f))
                .hasMessageContaining("unknown must be reject, identity or create");
    }
}
