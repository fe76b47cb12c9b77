package de.parkleit.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeDecoderTest {

    static final Topics T = Topics.defaults();
    final TopicDecoder decoder = TopicDecoder.nativeOnly(T, new NativeDecoder(4096, Map.of("P1", 200)::get));

    private List<Reading> decode(String topic, String json) {
        return decoder.decode(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    private RejectReason reasonOf(String topic, byte[] payload) {
        try {
            decoder.decode(topic, payload);
        } catch (RejectedException e) {
            return e.reason();
        }
        throw new AssertionError("not rejected");
    }

    private RejectReason reasonOf(String topic, String json) {
        return reasonOf(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesOccupancyWithFreeCapacityAndStatus() {
        assertThat(decode(T.occupancy("P1"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"free\":123,\"capacity\":200,\"status\":\"open\"}"))
                .containsExactly(new OccupancyReading("P1", Instant.parse("2026-11-26T12:00:00Z"), 123, 200, FacilityStatus.OPEN));
    }

    @Test
    void turnsOccupiedIntoFreeWithTheConfiguredCapacity() {
        assertThat(decode(T.occupancy("P1"), "{\"ts\":\"2026-11-26T13:00:00+01:00\",\"occupied\":150}"))
                .containsExactly(new OccupancyReading("P1", Instant.parse("2026-11-26T12:00:00Z"), 50, null, null));
    }

    @Test
    void decodesCountsSpacesAndTraffic() {
        assertThat(decode(T.counts("P1"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"entered\":3,\"exited\":1,\"seq\":77}"))
                .containsExactly(new CountsReading("P1", Instant.parse("2026-11-26T12:00:00Z"), 3, 1, 77));
        assertThat(decode(T.space("P1", "S7"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"occupied\":true}"))
                .containsExactly(new SpaceReading("P1", "S7", Instant.parse("2026-11-26T12:00:00Z"), true));
        assertThat(decode(T.traffic("D1"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"intervalS\":60,\"count\":14,\"speedKmh\":31.5,\"occupancyPct\":12.0}"))
                .containsExactly(new TrafficReading("D1", Instant.parse("2026-11-26T12:00:00Z"), 60, 14, 31.5, 12.0));
    }

    @Test
    void rejectsBadInputWithItsReason() {
        String occ = T.occupancy("P1");
        assertThat(reasonOf(occ, "{\"ts\":\"2026-11-26T12:00:00Z\",\"free\":\"12\"}")).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonOf(occ, "{\"ts\":\"2026-11-26T12:00:00Z\",\"free\":12.5}")).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonOf(occ, "{\"ts\":\"2026-11-26T12:00:00Z\"}")).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(occ, "{\"free\":1}")).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(occ, "{\"ts\":\"yesterday\",\"free\":1}")).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(reasonOf(occ, "{\"ts\":\"2026-11-26T12:00:00\",\"free\":1}")).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(reasonOf(occ, "[1,2]")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(occ, "{\"ts\":1,\"ts\":2}")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(occ, "")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(occ, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})).isEqualTo(RejectReason.INVALID_UTF8);
        assertThat(reasonOf(occ, new byte[4097])).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(reasonOf(occ, "{\"ts\":\"2026-11-26T12:00:00Z\",\"free\":99999999999}")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reasonOf(T.counts("P1"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"entered\":-1,\"exited\":0,\"seq\":1}"))
                .isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reasonOf(T.traffic("D1"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"intervalS\":0,\"count\":1}"))
                .isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reasonOf(T.root() + "/parking/P1/whatever", "{}")).isEqualTo(RejectReason.UNKNOWN_TOPIC);
        assertThat(reasonOf(T.root() + "/parking/bad id/occupancy", "{}")).isEqualTo(RejectReason.UNKNOWN_TOPIC);
    }

    @Test
    void occupiedForAnUnknownFacilityIsRejected() {
        assertThatThrownBy(() -> decode(T.occupancy("P9"), "{\"ts\":\"2026-11-26T12:00:00Z\",\"occupied\":3}"))
                .isInstanceOf(RejectedException.class).extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(RejectReason.UNKNOWN_FACILITY);
    }
}
