package de.parkleit.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.spool.SpoolRecordCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What a gateway encodes natively decodes to the same reading; what the spool writes reads back the same. */
class NativeRoundTripPropertiesTest {

    static final Topics T = Topics.defaults();
    final TopicDecoder decoder = TopicDecoder.nativeOnly(T, new NativeDecoder(4096, Map.of("P1", 200)::get));

    @Property
    void nativePayloadsRoundTrip(@ForAll("readings") Reading r) {
        String topic;
        if (r instanceof OccupancyReading o) {
            topic = T.occupancy(o.facilityId());
        } else if (r instanceof CountsReading c) {
            topic = T.counts(c.facilityId());
        } else if (r instanceof SpaceReading s) {
            topic = T.space(s.facilityId(), s.spaceId());
        } else {
            topic = T.traffic(((TrafficReading) r).detectorId());
        }
        assertThat(decoder.decode(topic, ReadingCodec.encode(r))).containsExactly(r);
    }

    @Property
    void spoolRecordsRoundTrip(@ForAll("batches") List<Reading> batch) {
        assertThat(SpoolRecordCodec.decode(SpoolRecordCodec.encode(batch))).isEqualTo(batch);
    }

    @Provide
    Arbitrary<List<Reading>> batches() {
        return readings().list().ofMaxSize(50);
    }

    @Provide
    Arbitrary<Reading> readings() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<Instant> ts = Arbitraries.longs().between(1_300_000_000_000L, 2_000_000_000_000L)
                .flatMap(ms -> Arbitraries.integers().between(0, 999_999).map(ns -> Instant.ofEpochMilli(ms).plusNanos(ns)));
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Integer> capacities = Arbitraries.integers().between(1, 5000);
        Arbitrary<Reading> occupancy = Combinators.combine(ids, ts, Arbitraries.integers().between(-500, 5000),
                capacities.injectNull(0.3), Arbitraries.of(FacilityStatus.OPEN, FacilityStatus.CLOSED).injectNull(0.3))
                .as(OccupancyReading::new);
        Arbitrary<Reading> countsR = Combinators.combine(ids, ts, counts, counts, Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(CountsReading::new);
        Arbitrary<Reading> space = Combinators.combine(ids, ids, ts, Arbitraries.of(true, false)).as(SpaceReading::new);
        Arbitrary<Reading> traffic = Combinators.combine(ids, ts, Arbitraries.integers().between(1, 86_400), counts,
                Arbitraries.doubles().between(0, 400).injectNull(0.3), Arbitraries.doubles().between(0, 100).injectNull(0.3))
                .as(TrafficReading::new);
        return Arbitraries.oneOf(occupancy, countsR, space, traffic);
    }
}
