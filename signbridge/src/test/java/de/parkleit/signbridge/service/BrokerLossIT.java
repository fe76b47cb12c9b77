package de.parkleit.signbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.broker.EmbeddedBroker;
import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.signbridge.Frames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker dies (an embedded broker on a free port of this test, never the shared Mosquitto): the
 * bridge switches the sign to its safe text after the broker grace, within the frame's validity,
 * measured; when the broker is back and the frame is published again, the sign shows it again.
 */
class BrokerLossIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLossIT.class);

    @Test
    void brokerLossTurnsSignsSafeWithinTheGraceAndBack(@TempDir Path dir) throws Exception {
        int port = TestBroker.freePort();
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", port, null);
        broker.start();
        try (BridgeFixture fx = new BridgeFixture(broker.url(), dir, TestBroker.freePort())) {
            SignFrame f = Frames.frame("s-http", 50, Instant.now(), 60);
            fx.publish(f);
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.display.displayed("s-http").filter(f::equals).isPresent());
            Instant lost = Instant.now();
            broker.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.display.displayed("s-http")
                    .map(d -> d.lines().stream().allMatch(l -> l.display().equals("—"))).orElse(false));
            Duration toSafe = Duration.between(lost, fx.display.since("s-http").orElseThrow());
            LOG.info("broker loss to safe text: {} ms (grace {})", toSafe.toMillis(), BridgeFixture.FAST.brokerGrace());
            assertThat(toSafe).isGreaterThanOrEqualTo(BridgeFixture.FAST.brokerGrace().minusMillis(50))
                    .isLessThan(BridgeFixture.FAST.brokerGrace().plusSeconds(2));
            assertThat(fx.display.since("s-http").orElseThrow()).isBefore(f.validUntil());
            assertThat(fx.bridge.lastAck("s-http").orElseThrow().safe()).isEqualTo("broker_lost");

            EmbeddedBroker again = new EmbeddedBroker("127.0.0.1", port, null);
            again.start();
            try {
                await().atMost(Duration.ofSeconds(15)).until(fx.client::isConnected);
                fx.subscribeAcks();
                SignFrame back = Frames.frame("s-http", 49, Instant.now(), 60);
                fx.publish(back);
                await().atMost(Duration.ofSeconds(15)).until(() -> fx.display.displayed("s-http").filter(back::equals).isPresent());
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    SignAck a = fx.lastAck("s-http");
                    return a != null && back.ts().equals(a.decidedTs());
                });
            } finally {
                fx.close();
                again.close();
            }
        } finally {
            broker.close();
        }
    }
}
