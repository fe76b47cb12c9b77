package de.parkleit.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.codec.JsonCodecException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The ack on {@code {root}/signs/{id}/ack}: what the encoder writes decodes to the same ack, nothing else decodes. */
class SignAckCodecTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SignAck shown() {
        return new SignAck("hd-s01", "http-json", T0.plusMillis(40), T0, null,
                SignAck.linesOf(SignFrameCodecTest.frame()), T0.plusMillis(35), null);
    }

    @Test
    void roundTripsShownSafeFailedAndWrongEcho() {
        List<SignAck> acks = List.of(shown(),
                new SignAck("hd-s01", "log", T0, null, "broker_lost", List.of("P1 Poststraße —"), T0, null),
                new SignAck("hd-s01", "http-json", T0, T0, null, null, null, "timeout: no answer within 2000 ms"),
                new SignAck("hd-s01", "http-json", T0, null, "expired", List.of(), T0, "wrong_echo: controller shows 1 line"));
        for (SignAck a : acks) {
            assertThat(SignAckCodec.decode("hd-s01", SignAckCodec.encode(a))).isEqualTo(a);
        }
        assertThat(new String(SignAckCodec.encode(shown()), StandardCharsets.UTF_8))
                .contains("\"displayed\":[\"P1 Poststraße 123 ←\",\"P3 Crowne Plaza besetzt ↗\",\"P4 Kornmarkt —\"]");
    }

    @Test
    void ackTopicIsBelowTheSignTopicAndNotMatchedByTheFrameFilter() {
        de.parkleit.core.topic.Topics t = new de.parkleit.core.topic.Topics("r/v1");
        assertThat(t.signAck("hd-s01")).isEqualTo("r/v1/signs/hd-s01/ack");
        assertThat(t.signAckFilter()).isEqualTo("r/v1/signs/+/ack");
        assertThat(t.match("r/v1/signs/hd-s01/ack")).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(de.parkleit.core.topic.TopicKind.SIGN_ACK);
            assertThat(m.id()).isEqualTo("hd-s01");
        });
        assertThat(t.match("r/v1/signs/hd-s01")).hasValueSatisfying(m -> assertThat(m.kind()).isEqualTo(de.parkleit.core.topic.TopicKind.SIGN));
    }

    @Test
    void rejectsWhatTheEncoderNeverWrites() {
        assertThatThrownBy(() -> SignAckCodec.decode("hd-s01", "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(JsonCodecException.class, e -> assertThat(e.reason()).isEqualTo("malformed_json"));
        assertThatThrownBy(() -> SignAckCodec.decode("other", SignAckCodec.encode(shown())))
                .isInstanceOfSatisfying(JsonCodecException.class, e -> assertThat(e.reason()).isEqualTo("id_mismatch"));
        assertReason(n -> n.remove("fault"), "missing_field");
        assertReason(n -> n.remove("displayed"), "missing_field");
        assertReason(n -> n.put("safe", "expired"), "wrong_type");
        assertReason(n -> n.put("safe", "bored").putNull("decidedTs"), "wrong_type");
        assertReason(n -> n.putNull("displayedAt"), "wrong_type");
        assertReason(n -> n.put("at", "yesterday"), "wrong_type");
        assertReason(n -> n.put("decidedTs", "soon"), "wrong_type");
        assertReason(n -> n.put("displayed", "P1"), "wrong_type");
        assertReason(n -> n.putArray("displayed").add("a\nb"), "wrong_type");
        assertReason(n -> n.put("fault", "x".repeat(SignAck.MAX_FAULT + 1)), "wrong_type");
        assertReason(n -> n.put("sign", "no spaces allowed"), "wrong_type");
    }

    private static void assertReason(Consumer<ObjectNode> change, String reason) {
        ObjectNode n;
        try {
            n = (ObjectNode) MAPPER.readTree(SignAckCodec.encode(shown()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        change.accept(n);
        byte[] payload = n.toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SignAckCodec.decode("hd-s01", payload))
                .as("%s", n).isInstanceOfSatisfying(JsonCodecException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
