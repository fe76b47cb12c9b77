package de.parkleit.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.guidance.Issued;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One round trip per payload of the wire contract that has a decoder in core, and the decoders refuse what is never sent. */
class WireRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void facilityStateRoundTrips() {
        for (FacilityStatus status : FacilityStatus.values()) {
            for (Trend trend : Trend.values()) {
                FacilityState s = new FacilityState("p1", status == FacilityStatus.UNKNOWN ? null : 17, 120, status, trend, T0,
                        EnumSet.allOf(QualityFlag.class));
                assertThat(FacilityStateCodec.decode(FacilityStateCodec.encode(s))).isEqualTo(s);
            }
        }
        FacilityState unknown = FacilityState.unknown("p2", 50);
        assertThat(FacilityStateCodec.decode(FacilityStateCodec.encode(unknown))).isEqualTo(unknown);
        FacilityState noFlags = new FacilityState("p3", 0, 10, FacilityStatus.OPEN, Trend.FILLING, T0, Set.of());
        assertThat(new String(FacilityStateCodec.encode(noFlags), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"p3\",\"free\":0,\"capacity\":10,\"status\":\"open\",\"trend\":\"filling\",\"updatedAt\":\"2026-03-02T08:00:00Z\",\"flags\":[]}");
    }

    @Test
    void facilityStateRejectsUnknownWords() {
        assertThatThrownBy(() -> FacilityStateCodec.decode("{\"id\":\"p1\",\"trend\":\"sideways\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonCodecException.class);
        assertThatThrownBy(() -> FacilityStateCodec.decode("{\"id\":\"p1\",\"flags\":[\"odd\"]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonCodecException.class);
        assertThatThrownBy(() -> FacilityStateCodec.decode("null".getBytes(StandardCharsets.UTF_8))).isInstanceOf(JsonCodecException.class);
    }

    @Test
    void trafficStateRoundTrips() {
        TrafficReading full = new TrafficReading("D1", T0, 60, 14, 31.5, 12.0);
        assertThat(new String(TrafficStateCodec.encode(full), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"D1\",\"ts\":\"2026-03-02T08:00:00Z\",\"intervalS\":60,\"count\":14,\"flowPerHour\":840,\"speedKmh\":31.5,\"occupancyPct\":12.0}");
        assertThat(TrafficStateCodec.decode("D1", TrafficStateCodec.encode(full))).isEqualTo(full);
        TrafficReading bare = new TrafficReading("D2", T0, 300, 0, null, null);
        assertThat(TrafficStateCodec.decode("D2", TrafficStateCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void trafficStateRejectsWhatIsNeverSent() {
        reason("id_mismatch", () -> TrafficStateCodec.decode("D9", TrafficStateCodec.encode(new TrafficReading("D1", T0, 60, 1, null, null))));
        reason("missing_field", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"intervalS\":60,\"count\":1}")));
        reason("missing_field", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"ts\":\"2026-03-02T08:00:00Z\",\"count\":1}")));
        reason("wrong_type", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"ts\":\"2026-03-02T08:00:00Z\",\"intervalS\":60,\"count\":\"1\"}")));
        reason("wrong_type", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"ts\":\"2026-03-02T08:00:00Z\",\"intervalS\":0,\"count\":1}")));
        reason("wrong_type", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"ts\":\"noon\",\"intervalS\":60,\"count\":1}")));
        reason("wrong_type", () -> TrafficStateCodec.decode("D1", bytes("{\"id\":\"D1\",\"ts\":\"2026-03-02T08:00:00Z\",\"intervalS\":60,\"count\":1,\"speedKmh\":\"fast\"}")));
        reason("malformed_json", () -> TrafficStateCodec.decode("D1", bytes("{")));
    }

    @Test
    void issuedRoundTrips() {
        Issued i = new Issued("node1-lq3x9a-17", "p1", T0, T0.plusSeconds(900), 0.93, "node1");
        assertThat(new String(IssuedCodec.encode(i), StandardCharsets.UTF_8)).isEqualTo(
                "{\"request\":\"node1-lq3x9a-17\",\"facility\":\"p1\",\"issuedAt\":\"2026-03-02T08:00:00Z\","
                        + "\"countsUntil\":\"2026-03-02T08:15:00Z\",\"probabilityFree\":0.93,\"instance\":\"node1\"}");
        assertThat(IssuedCodec.decode(IssuedCodec.encode(i))).isEqualTo(i);
    }

    @Test
    void issuedRejectsWhatIsNeverSent() {
        String ok = "\"request\":\"r1\",\"facility\":\"p1\",\"issuedAt\":\"2026-03-02T08:00:00Z\",\"countsUntil\":\"2026-03-02T08:15:00Z\",\"instance\":\"n1\"";
        reason("missing_field", () -> IssuedCodec.decode(bytes("{" + ok + "}")));
        reason("missing_field", () -> IssuedCodec.decode(bytes("{" + ok + ",\"probabilityFree\":\"0.5\"}")));
        reason("wrong_type", () -> IssuedCodec.decode(bytes("{" + ok + ",\"probabilityFree\":1.5}")));
        reason("wrong_type", () -> IssuedCodec.decode(bytes("{" + ok.replace("p1", "p 1") + ",\"probabilityFree\":0.5}")));
        reason("malformed_json", () -> IssuedCodec.decode(bytes("[1]")));
    }

    @Test
    void everyTopicOfTheContractIsNamedInTopics() {
        Topics t = new Topics("city/v1");
        assertThat(t.guidanceIssued()).isEqualTo("city/v1/guidance/issued");
        assertThat(t.ingestSync("node-1/ingest:2")).isEqualTo("city/v1/ingest/sync/node-1_ingest_2");
        assertThat(t.senml("gw1")).isEqualTo("city/v1/senml/gw1").startsWith(t.senmlPrefix());
        assertThat(t.senmlFilter()).isEqualTo("city/v1/senml/+");
        assertThat(t.match(t.sign("s1")).orElseThrow().kind()).isEqualTo(TopicKind.SIGN);
        assertThat(t.match(t.trafficState("D1")).orElseThrow().kind()).isEqualTo(TopicKind.TRAFFIC_STATE);
        assertThat(t.match(t.facilityState("p1")).orElseThrow().kind()).isEqualTo(TopicKind.FACILITY_STATE);
        assertThat(t.match(t.guidanceIssued())).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void reason(String reason, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(JsonCodecException.class)
                .extracting(e -> ((JsonCodecException) e).reason()).isEqualTo(reason);
    }
}
