package de.parkleit.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    static WireMessage msg(int i) {
        return new WireMessage("t", ("{\"ts\":\"2026-11-28T12:00:0" + (i % 10) + "Z\",\"free\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutFaultsEveryMessageGoesOutOnceAtOnce() {
        FaultInjector f = new FaultInjector(FaultRates.NONE, 1, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(f.apply("g", msg(i))).containsExactly(new FaultInjector.Delivery(msg(i), 0));
        }
        assertThat(f.counts()).isEmpty();
        assertThat(f.missesVehicle()).isFalse();
    }

    @Test
    void injectsEachFaultAtAboutItsRate() {
        FaultRates r = FaultRates.parse("drop=0.05, duplicate=0.05, late=0.05, reorder=0.05, malformed=0.05");
        FaultInjector f = new FaultInjector(r, 7, 30_000);
        int n = 20_000;
        int delivered = 0;
        int late = 0;
        for (int i = 0; i < n; i++) {
            for (FaultInjector.Delivery d : f.apply("g" + (i % 10), msg(i))) {
                delivered++;
                late += d.delayMillis() == 30_000 ? 1 : 0;
            }
        }
        for (String k : List.of("dropped", "duplicated", "late", "malformed")) {
            assertThat(f.counts().get(k) / (double) n).as(k).isBetween(0.04, 0.06);
        }
        assertThat(f.counts().get("reordered") / (double) n).isBetween(0.035, 0.06);
        assertThat(late).isEqualTo(f.counts().get("late").intValue());
        assertThat(delivered).isBetween((int) (n * 0.98), (int) (n * 1.02));
    }

    @Test
    void reorderedMessagesFollowTheGatewaysNextMessage() {
        FaultInjector f = new FaultInjector(new FaultRates(0, 0, 0, 1, 0, 0), 1, 1000);
        assertThat(f.apply("g", msg(1))).isEmpty();
        assertThat(f.apply("g", msg(2))).extracting(FaultInjector.Delivery::message).containsExactly(msg(2), msg(1));
    }

    @Test
    void malformedPayloadsAreNotValidReadings() {
        FaultInjector f = new FaultInjector(new FaultRates(0, 0, 0, 0, 1, 0), 3, 1000);
        ObjectMapper json = new ObjectMapper();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String p = new String(f.apply("g", msg(i)).get(0).message().payload(), StandardCharsets.UTF_8);
            boolean valid;
            try {
                var n = json.readTree(p);
                valid = n != null && n.path("free").isInt() && n.path("ts").asText("").matches("\\d{4}-.*Z");
            } catch (java.io.IOException e) {
                valid = false;
            }
            assertThat(valid).as(p).isFalse();
            kinds.add(p.isEmpty() ? "empty" : p.startsWith("{") ? "json" : "text");
        }
        assertThat(kinds).contains("empty", "json", "text");
    }

    @Test
    void sameSeedSameFaults() {
        FaultRates r = FaultRates.parse("drop=0.2,duplicate=0.2,reorder=0.2");
        FaultInjector a = new FaultInjector(r, 5, 10);
        FaultInjector b = new FaultInjector(r, 5, 10);
        for (int i = 0; i < 500; i++) {
            assertThat(a.apply("g", msg(i))).isEqualTo(b.apply("g", msg(i)));
        }
    }

    @Test
    void parsesAndRejectsSpecs() {
        assertThat(FaultRates.parse("none")).isEqualTo(FaultRates.NONE);
        assertThat(FaultRates.parse("drift=0.01").drift()).isEqualTo(0.01);
        assertThatThrownBy(() -> FaultRates.parse("explode=0.1")).hasMessageContaining("explode");
        assertThatThrownBy(() -> FaultRates.parse("drop=2")).hasMessageContaining("0..1");
    }
}
