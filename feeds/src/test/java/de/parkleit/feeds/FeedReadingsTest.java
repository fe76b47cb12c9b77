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
}
