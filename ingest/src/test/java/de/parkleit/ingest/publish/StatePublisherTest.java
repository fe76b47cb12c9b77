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
    final io.vertx.core.Context ctx = vertx.getOrCreateContext();

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

    @Test
    void aPublishNeverConfirmedFreesItsTopicAfterTheInFlightTimeout() {
        List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        StatePublisher[] pub = new StatePublisher[1];
        ctx.runOnContext(v -> {
            // a broker that never confirms anything
            pub[0] = new StatePublisher(vertx, (t, p) -> {
                attempts.add(t + "=" + new String(p, StandardCharsets.UTF_8));
                return Promise.<Void>promise().future();
            }, Duration.ZERO, Duration.ofMillis(200));
            pub[0].publish("a", b("1"));
            pub[0].publish("a", b("2"));
            pub[0].publish("a", b("3"));
            pub[0].publish("b", b("1"));
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> attempts.size() == 3);
        assertThat(attempts).containsExactly("a=1", "b=1", "a=3");
        await().atMost(5, TimeUnit.SECONDS).until(() -> timedOut(pub[0]) == 3);
        assertThat(attempts).hasSize(3); // nothing newer was waiting: no repeat of an old payload
        ctx.runOnContext(v -> pub[0].publish("a", b("4")));
        await().atMost(5, TimeUnit.SECONDS).until(() -> attempts.size() == 4);
        assertThat(attempts).endsWith("a=4");
        ctx.runOnContext(v -> pub[0].close());
    }

    @Test
    void aLateConfirmationOfATimedOutPublishDoesNotReleaseTheNextOne() {
        StatePublisher[] pub = new StatePublisher[1];
        ctx.runOnContext(v -> {
            pub[0] = new StatePublisher(vertx, this::fakeBroker, Duration.ZERO, Duration.ofMillis(600));
            pub[0].publish("a", b("1"));
            pub[0].publish("a", b("2"));
        });
        // a=1 timed out, a=2 went out (and has 600 ms until it times out in turn)
        await().pollInterval(5, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> sizeOnContext() == 2);
        ctx.runOnContext(v -> {
            confirmations.get(0).complete(); // late: must not free the slot a=2 holds
            pub[0].publish("a", b("3"));
        });
        await().during(100, TimeUnit.MILLISECONDS).atMost(1, TimeUnit.SECONDS).until(() -> sizeOnContext() == 2);
        assertThat(onContext(pub[0]::timedOutCount)).isEqualTo(1);
        ctx.runOnContext(v -> confirmations.get(1).complete());
        await().atMost(5, TimeUnit.SECONDS).until(() -> sizeOnContext() == 3);
        assertThat(onContext(() -> List.copyOf(sent))).containsExactly("a=1", "a=2", "a=3");
        ctx.runOnContext(v -> pub[0].close());
    }

    private long timedOut(StatePublisher p) {
        return p == null ? -1 : onContext(p::timedOutCount);
    }

    private int sizeOnContext() {
        return onContext(sent::size);
    }

    private <T> T onContext(java.util.function.Supplier<T> s) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> p.complete(s.get()));
        return p.future().await();
    }
}
