package de.parkleit.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.platform.testing.TestBroker;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker that drops the connection on its first SUBSCRIBE (what Moquette does when a SUBSCRIBE
 * overtakes its own bookkeeping of the CONNECT): the subscribe must complete after the automatic
 * reconnect instead of failing the caller's start-up.
 */
class SubscribeCutOffTest {

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
    void aSubscribeCutOffByTheBrokerCompletesAfterTheReconnect() throws Exception {
        URI target = URI.create(broker.url());
        try (DropFirstSubscribe proxy = new DropFirstSubscribe(target.getHost(), target.getPort())) {
            Context ctx = vertx.getOrCreateContext();
            String root = TestBroker.uniqueRoot();
            MqttConnection sub = new MqttConnection(ctx,
                    new MqttSettings("tcp://127.0.0.1:" + proxy.port(), "cut-" + UUID.randomUUID(), true, null, null), false);
            List<String> got = new CopyOnWriteArrayList<>();
            sub.messageHandler(m -> got.add(new String(m.payload(), StandardCharsets.UTF_8)));
            sub.connect().await(10, TimeUnit.SECONDS);
            sub.subscribe(root + "/x", 1).await(20, TimeUnit.SECONDS);
            assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);

            MqttConnection pub = new MqttConnection(ctx, new MqttSettings(broker.url(), "pub-" + UUID.randomUUID(), true, null, null), false);
            pub.connect().await(10, TimeUnit.SECONDS);
            pub.publish(root + "/x", "after".getBytes(StandardCharsets.UTF_8), 1, false).await(10, TimeUnit.SECONDS);
            await().atMost(10, TimeUnit.SECONDS).until(() -> got.contains("after"));
            pub.disconnect().await(10, TimeUnit.SECONDS);
            sub.disconnect().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSubscribeOnAConnectionClosedByUsFailsAtOnce() throws Exception {
        Context ctx = vertx.getOrCreateContext();
        MqttConnection c = new MqttConnection(ctx, new MqttSettings(broker.url(), "closed-" + UUID.randomUUID(), true, null, null), false);
        c.connect().await(10, TimeUnit.SECONDS);
        c.disconnect().await(10, TimeUnit.SECONDS);
        assertThat(c.subscribe("parkleit/test/closed", 1).toCompletionStage().toCompletableFuture())
                .failsWithin(5, TimeUnit.SECONDS);
    }

    /** A TCP relay that closes its first connection when the client sends its first SUBSCRIBE (0x82). */
    static final class DropFirstSubscribe implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger accepted = new AtomicInteger();

        DropFirstSubscribe(String host, int port) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(host, port);
                        boolean first = accepted.incrementAndGet() == 1;
                        pump(client, upstream, first);
                        pump(upstream, client, false);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "drop-first-subscribe");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.get();
        }

        private static void pump(Socket from, Socket to, boolean dropAtSubscribe) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        if (dropAtSubscribe && containsSubscribe(buf, n)) {
                            break;
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // the other side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "relay");
            t.setDaemon(true);
            t.start();
        }

        private static boolean containsSubscribe(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                if ((buf[i] & 0xff) == 0x82) {
                    return true;
                }
            }
            return false;
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
