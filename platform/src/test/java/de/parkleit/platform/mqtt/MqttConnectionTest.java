package de.parkleit.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

class MqttConnectionTest {

    static TestBroker broker;
    static Vertx vertx;

    @BeforeAll
    static void up() {
        broker = TestBroker.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void down() {
        vertx.close().await();
        broker.close();
    }

    @Test
    void deliversMessagesOnTheVertxContextAndAcksManually() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        String root = TestBroker.uniqueRoot();
        List<String> got = new CopyOnWriteArrayList<>();
        List<Boolean> onContext = new CopyOnWriteArrayList<>();
        MqttConnection sub = new MqttConnection(ctx, new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), true);
        sub.messageHandler(m -> {
            onContext.add(Vertx.currentContext() == ctx);
            got.add(new String(m.payload(), StandardCharsets.UTF_8));
            sub.ack(m);
        });
        sub.connect().await(10, TimeUnit.SECONDS);
        sub.subscribe(root + "/x/#", 1).await(10, TimeUnit.SECONDS);

        MqttConnection pub = new MqttConnection(ctx, new MqttSettings(broker.url(), "pub-" + UUID.randomUUID(), true, null, null), false);
        pub.connect().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            pub.publish(root + "/x/" + i, ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> got.size() == 100);
        assertThat(onContext).containsOnly(true);
        assertThat(got).contains("m0", "m99");
        pub.disconnect().await(10, TimeUnit.SECONDS);
        sub.disconnect().await(10, TimeUnit.SECONDS);
    }

    @Test
    void countsQos1MessagesHeldUnacknowledgedUntilTheyAreAcked() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        String root = TestBroker.uniqueRoot();
        List<InboundMessage> held = new CopyOnWriteArrayList<>();
        MqttConnection sub = new MqttConnection(ctx, new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), true);
        sub.messageHandler(held::add);
        sub.connect().await(10, TimeUnit.SECONDS);
        sub.subscribe(root + "/y/#", 1).await(10, TimeUnit.SECONDS);
        MqttConnection pub = new MqttConnection(ctx, new MqttSettings(broker.url(), "pub-" + UUID.randomUUID(), true, null, null), false);
        pub.connect().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            pub.publish(root + "/y/" + i, new byte[] {'1'}, 1, false).await(10, TimeUnit.SECONDS);
        }
        pub.publish(root + "/y/qos0", new byte[] {'0'}, 0, false).await(10, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> held.size() == 6);
        assertThat(sub.unackedCount()).isEqualTo(5);
        assertThat(held).allSatisfy(m -> assertThat(m.from()).isSameAs(sub));
        held.subList(0, 3).forEach(InboundMessage::ack);
        assertThat(sub.unackedCount()).isEqualTo(held.stream().limit(3).anyMatch(m -> m.qos() == 0) ? 3 : 2);
        held.subList(3, held.size()).forEach(pub::ack); // through another connection: goes to the one it came from
        assertThat(sub.unackedCount()).isZero();
        assertThat(pub.unackedCount()).isZero();
        pub.disconnect().await(10, TimeUnit.SECONDS);
        sub.disconnect().await(10, TimeUnit.SECONDS);
    }

    @Test
    void holdsAtMostMaxUnackedAndSkipsASecondAckOfOneMessage() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        String root = TestBroker.uniqueRoot();
        List<InboundMessage> held = new CopyOnWriteArrayList<>();
        MqttConnection sub = new MqttConnection(ctx, new MqttSettings(broker.url(), "sub-" + UUID.randomUUID(), true, null, null), true)
                .maxUnacked(4);
        sub.messageHandler(held::add);
        sub.connect().await(10, TimeUnit.SECONDS);
        sub.subscribe(root + "/z/#", 1).await(10, TimeUnit.SECONDS);
        MqttConnection pub = new MqttConnection(ctx, new MqttSettings(broker.url(), "pub-" + UUID.randomUUID(), true, null, null), false);
        pub.connect().await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            pub.publish(root + "/z/" + i, new byte[] {(byte) ('a' + i)}, 1, false).await(10, TimeUnit.SECONDS);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> held.size() == 4);
        Thread.sleep(500); // the broker has 8 more for us, but the connection holds its maximum
        assertThat(held).hasSize(4);
        assertThat(sub.unackedCount()).isEqualTo(4);
        assertThat(sub.pauseCount()).isPositive();

        InboundMessage first = held.get(0);
        first.ack();
        first.ack(); // a second PUBACK would acknowledge whatever the broker sent under that id since
        assertThat(sub.staleAckCount()).isEqualTo(1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> held.size() == 5);

        int acked = 1;
        while (held.size() < 12 || acked < held.size()) {
            if (acked < held.size()) {
                held.get(acked++).ack();
            }
            assertThat(sub.unackedCount()).isLessThanOrEqualTo(4);
            Thread.sleep(5);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> sub.unackedCount() == 0);
        assertThat(held).extracting(m -> m.payload()[0]).containsExactlyInAnyOrder(
                (byte) 'a', (byte) 'b', (byte) 'c', (byte) 'd', (byte) 'e', (byte) 'f', (byte) 'g', (byte) 'h', (byte) 'i', (byte) 'j', (byte) 'k', (byte) 'l');
        pub.disconnect().await(10, TimeUnit.SECONDS);
        sub.disconnect().await(10, TimeUnit.SECONDS);
    }
}
