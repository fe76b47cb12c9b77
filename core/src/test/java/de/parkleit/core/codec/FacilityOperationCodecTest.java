package de.parkleit.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FacilityOperationCodecTest {

    private final Instant at = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void roundTripsAndIsActiveOnlyBetweenAtAndUntil() {
        FacilityOperation o = new FacilityOperation("p1", FacilityStatus.RESERVED, " Weihnachtsmarkt ", at.plusSeconds(3600), "alice", at);
        FacilityOperation back = FacilityOperationCodec.decode(FacilityOperationCodec.encode(o));
        assertThat(back).isEqualTo(o);
        assertThat(back.reason()).isEqualTo("Weihnachtsmarkt");
        assertThat(o.isActiveAt(at)).isTrue();
        assertThat(o.isActiveAt(at.plusSeconds(3600))).isFalse();
        assertThat(o.isActiveAt(at.minusSeconds(1))).isFalse();
    }

    @Test
    void rejectsOpenStatusBadTimesAndControlCharacters() {
        assertThatThrownBy(() -> decode("{\"id\":\"p1\",\"status\":\"open\",\"reason\":\"x\",\"until\":\"2026-12-01T11:00:00Z\",\"at\":\"2026-12-01T10:00:00Z\"}"))
                .isInstanceOf(JsonCodecException.class).hasMessageContaining("closed or reserved");
        assertThatThrownBy(() -> decode("{\"id\":\"p1\",\"status\":\"closed\",\"reason\":\"x\",\"until\":\"tomorrow\",\"at\":\"2026-12-01T10:00:00Z\"}"))
                .isInstanceOf(JsonCodecException.class);
        assertThatThrownBy(() -> decode("{\"id\":\"p1\",\"status\":\"closed\",\"reason\":\"a\\u0007b\",\"until\":\"2026-12-01T11:00:00Z\",\"at\":\"2026-12-01T10:00:00Z\"}"))
                .isInstanceOf(JsonCodecException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> decode("{\"id\":\"p1\",\"status\":\"closed\",\"reason\":\"x\",\"until\":\"2026-12-01T09:00:00Z\",\"at\":\"2026-12-01T10:00:00Z\"}"))
                .isInstanceOf(JsonCodecException.class).hasMessageContaining("until");
        assertThatThrownBy(() -> decode("[1]")).isInstanceOf(JsonCodecException.class);
    }

    @Test
    void topicsNameAndMatchOperationsAndDeadLetters() {
        Topics t = Topics.defaults();
        assertThat(t.facilityOperation("p1")).isEqualTo("parkleit/v1/ops/facility/p1");
        assertThat(t.match("parkleit/v1/ops/facility/p1")).get().extracting(m -> m.kind()).isEqualTo(TopicKind.FACILITY_OPERATION);
        assertThat(t.match("parkleit/v1/deadletter/bad_json")).get().extracting(m -> m.id()).isEqualTo("bad_json");
    }

    private static FacilityOperation decode(String s) {
        return FacilityOperationCodec.decode(s.getBytes(StandardCharsets.UTF_8));
    }
}
