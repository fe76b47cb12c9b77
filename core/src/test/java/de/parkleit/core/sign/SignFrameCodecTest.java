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

/** The sign frame on {@code {root}/signs/{id}}: what the encoder writes decodes to the same frame, nothing else decodes. */
class SignFrameCodecTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SignFrame frame() {
        return new SignFrame("hd-s01", "Bismarckplatz", 49.4098, 8.6935, 40,
                List.of(new SignLine("p1", "P1 Poststraße", LineState.FREE, 123, "123", Arrow.LEFT),
                        new SignLine("p3", "P3 Crowne Plaza", LineState.FULL, null, SignLine.FULL_TEXT, Arrow.SLIGHT_RIGHT),
                        new SignLine("p4", "P4 Kornmarkt", LineState.UNKNOWN, null, SignLine.UNKNOWN_TEXT, Arrow.NONE)),
                T0, T0.plusSeconds(120));
    }

    @Test
    void roundTripsEveryArrowAndState() {
        for (Arrow a : Arrow.values()) {
            for (LineState s : LineState.values()) {
                SignFrame f = new SignFrame("s1", "S", 49.4, 8.7, 359.5,
                        List.of(new SignLine("p1", "P1", s, s == LineState.FREE ? 5 : null, s == LineState.FREE ? "5" : "—", a)), T0, T0.plusSeconds(60));
                assertThat(SignFrameCodec.decode("s1", SignFrameCodec.encode(f))).isEqualTo(f);
            }
        }
        assertThat(SignFrameCodec.decode("hd-s01", SignFrameCodec.encode(frame()))).isEqualTo(frame());
        SignFrame empty = new SignFrame("s1", "S", 49.4, 8.7, 0, List.of(), T0, T0);
        assertThat(SignFrameCodec.decode("s1", SignFrameCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void bytesOnTheWireAreUnchanged() {
        assertThat(new String(SignFrameCodec.encode(frame()), StandardCharsets.UTF_8)).startsWith(
                "{\"sign\":\"hd-s01\",\"name\":\"Bismarckplatz\",\"lat\":49.4098,\"lon\":8.6935,\"heading\":40.0,"
                        + "\"ts\":\"2026-03-02T08:00:00Z\",\"validUntil\":\"2026-03-02T08:02:00Z\",\"lines\":[{\"facility\":\"p1\","
                        + "\"name\":\"P1 Poststraße\",\"text\":\"P1 Poststraße 123\",\"display\":\"123\",\"state\":\"free\",\"free\":123,"
                        + "\"arrow\":\"left\",\"glyph\":\"←\"}");
    }

    @Test
    void rejectsWhatTheEncoderNeverSends() {
        // a back arrow, which the old dashboard decoder accepted, is never sent
        rejects(n -> line(n).put("arrow", "back").put("glyph", ""), "wrong_type");
        rejects(n -> line(n).put("arrow", "LEFT"), "wrong_type");
        rejects(n -> line(n).put("state", "occupied"), "wrong_type");
        rejects(n -> line(n).put("text", "P1 Poststraße 124"), "wrong_type");
        rejects(n -> line(n).put("glyph", "→"), "wrong_type");
        rejects(n -> line(n).remove("free"), "missing_field");
        rejects(n -> line(n).put("free", "123"), "missing_field");
        rejects(n -> line(n).put("facility", "not an id"), "wrong_type");
        rejects(n -> n.remove("validUntil"), "missing_field");
        rejects(n -> n.remove("lat"), "missing_field");
        rejects(n -> n.put("ts", "yesterday"), "wrong_type");
        rejects(n -> n.put("heading", 360), "wrong_type");
        rejects(n -> n.put("sign", "hd-s02"), "id_mismatch");
        rejects(n -> n.put("name", "x".repeat(81)), "wrong_type");
        rejects(n -> n.put("name", "a\u0007b"), "wrong_type");
        rejects(n -> {
            for (int i = 0; i < 6; i++) {
                n.withArray("lines").add(line(n).deepCopy());
            }
        }, "wrong_type");
        assertThatThrownBy(() -> SignFrameCodec.decode("hd-s01", "[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonCodecException.class).extracting(e -> ((JsonCodecException) e).reason()).isEqualTo("malformed_json");
        assertThatThrownBy(() -> SignFrameCodec.decode("hd-s01", "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonCodecException.class).extracting(e -> ((JsonCodecException) e).reason()).isEqualTo("malformed_json");
    }

    private static ObjectNode line(ObjectNode n) {
        return (ObjectNode) n.withArray("lines").get(0);
    }

    private static void rejects(Consumer<ObjectNode> change, String reason) {
        ObjectNode n = SignFrameCodec.toJson(frame());
        change.accept(n);
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(n);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> SignFrameCodec.decode("hd-s01", bytes)).as(n.toString())
                .isInstanceOf(JsonCodecException.class).extracting(e -> ((JsonCodecException) e).reason()).isEqualTo(reason);
    }
}
