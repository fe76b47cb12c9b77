package de.parkleit.dashboard.signs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignAckCodec;
import de.parkleit.platform.mqtt.InboundMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's view of the sign bridge's acks: the alert time is the configured one
 * ({@code PARKLEIT_SIGNBRIDGE_ACK_ALERT}), counted from the last good ack, in the JSON
 * ({@code alert}, {@code alertAfterSeconds}) and in the gauges.
 */
class SignsHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SignsHandler handler = new SignsHandler(new SignView(), clock, registry, Duration.ofSeconds(30));

    private void ack(SignAck a) {
        handler.handleAck(a.signId(), new InboundMessage("parkleit/v1/signs/" + a.signId() + "/ack", SignAckCodec.encode(a), 1, true, 0));
    }

    private JsonObject row(String sign) {
        return handler.acks().stream().map(JsonObject.class::cast).filter(o -> o.getString("sign").equals(sign)).findFirst().orElseThrow();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void aSignWithOnlyFaultsForLongerThanTheConfiguredTimeIsInAlert() {
        ack(new SignAck("s-ok", "http-json", T0, T0, null, List.of("P1 12 ←"), T0, null));
        ack(new SignAck("s-bad", "http-json", T0, T0, null, null, null, "http_500: controller answered 500"));
        assertThat(gauge("parkleit.signs.ack.alert")).isEqualTo(30.0);
        assertThat(row("s-bad").getBoolean("alert")).isFalse();
        assertThat(row("s-bad").getInteger("alertAfterSeconds")).isEqualTo(30);

        clock.now = T0.plusSeconds(29);
        ack(new SignAck("s-ok", "http-json", clock.now, T0, null, List.of("P1 12 ←"), clock.now, null));
        ack(new SignAck("s-bad", "http-json", clock.now, T0, null, null, null, "timeout: no answer within 2000 ms"));
        clock.now = T0.plusSeconds(31);
        JsonObject bad = row("s-bad");
        assertThat(bad.getBoolean("alert")).as("no good ack for 31 s").isTrue();
        assertThat(bad.getString("fault")).startsWith("timeout");
        assertThat(bad.getString("displayed")).isNull();
        assertThat(bad.getLong("ackAgeSeconds")).isEqualTo(2);
        assertThat(row("s-ok").getBoolean("alert")).isFalse();
        assertThat(gauge("parkleit.signs.unacknowledged")).isEqualTo(1.0);

        ack(new SignAck("s-bad", "http-json", clock.now, null, "expired", List.of(), clock.now, null));
        assertThat(row("s-bad").getBoolean("alert")).isFalse();
        assertThat(row("s-bad").getString("safe")).isEqualTo("expired");
        assertThat(gauge("parkleit.signs.unacknowledged")).isZero();
        clock.now = T0.plusSeconds(62);
        assertThat(gauge("parkleit.signs.unacknowledged")).as("both silent for more than 30 s").isEqualTo(2.0);
    }

    @Test
    void aBadAckIsCountedAndTheAlertTimeMustBePositive() {
        handler.handleAck("s1", new InboundMessage("parkleit/v1/signs/s1/ack", "{\"sign\":".getBytes(), 1, true, 0));
        assertThat(registry.get("parkleit.dashboard.sign.messages").tag("result", "ack_rejected").counter().count()).isEqualTo(1.0);
        assertThat(handler.acks()).isEmpty();
        assertThatThrownBy(() -> new SignsHandler(new SignView(), clock, new SimpleMeterRegistry(), Duration.ZERO))
                .hasMessageContaining("positive");
    }
}
