package de.parkleit.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatePublisherTest {

    final Vertx vertx = Vertx.vertx();
    final List<String> sent = new ArrayList<>();
    final List<Promise<Void>> confirmations = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Future<Void> fakeBroker(String topic, byte[] payload) {
        sent.add(topic + "=" + new String(payload, StandardCharsets.UTF_8));
        Promise<Void> p = Promise.promise();
        confirmations.add(p);
        return p.future();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void publishesAtOnceAndCoalescesWhileThePreviousPublishIsUnconfirmed() {
        StatePublisher pub = new StatePublisher(vertx, this::fakeBroker, Duration.ZERO);
        pub.publish("a", b("1"));
        pub.publish("a", b("2"));
        pub.publish("a", b("3"));
        pub.publish("b", b("1"));
        assertThat(sent).containsExactly("a=1", "b=1");
        confirmations.get(0).complete();
        assertThat(sent).containsExactly("a=1", "b=1", "a=3");
        assertThat(pub.coalescedCount()).isEqualTo(1);
        confirmations.get(2).fail("broker gone");
        pub.publish("a", b("4"));
        assertThat(sent).endsWith("a=4");
    }

    @Test
    void respectsAMinimumInterval() {
        StatePublisher pub = new StatePublisher(vertx, (t, p) -> {
            sent.add(t + "=" + new String(p, StandardCharsets.UTF_8));
            return Future.succeededFuture();
        }, Duration.ofMillis(300));
        vertx.runOnContext(v -> {
            pub.publish("a", b("1"));
            pub.publish("a", b("2"));
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> sent.size() == 2);
        assertThat(sent).containsExactly("a=1", "a=2");
    }
}
