package de.parkleit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 21: an oversized publish is refused cleanly, counted, warned once per client; the broker keeps working. */
class OversizedMessageTest {

    private EmbeddedBroker broker;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        broker = new EmbeddedBroker("127.0.0.1", port, null, 4_096);
        broker.start();
    }

    @AfterEach
    void stop() {
        broker.close();
        root.detachAppender(logs);
    }

    @Test
    void oversizedPublishesAreRefusedCountedAndWarnedOncePerClient() throws Exception {
        for (int i = 0; i < 3; i++) {
            MqttClient big = client("too-big");
            assertThatThrownBy(() -> {
                big.publish("t/big", new byte[10_000], 1, false);
            }).as("publish %d over the limit", i).isInstanceOf(Exception.class);
            big.close(true);
        }
        assertThat(broker.oversizedRefused()).isEqualTo(3);
        List<ILoggingEvent> seen = logged();
        assertThat(seen).filteredOn(e -> e.getLoggerName().startsWith("io.moquette")
                && e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR)).as("no Moquette stack traces").isEmpty();
        assertThat(seen).filteredOn(e -> e.getFormattedMessage().contains("refused a message over 4096 bytes from client too-big"))
                .hasSize(1);

        // the broker still carries messages under the limit
        MqttClient sub = client("sub");
        CountDownLatch got = new CountDownLatch(1);
        sub.subscribe("t/ok", 1, (topic, msg) -> got.countDown());
        MqttClient pub = client("pub");
        pub.publish("t/ok", new byte[2_000], 1, false);
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        pub.disconnect();
        sub.disconnect();
    }

    /** A copy of the events so far: broker threads append while the test reads (AppenderBase appends under its lock). */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    private MqttClient client(String id) throws Exception {
        MqttClient c = new MqttClient(broker.url(), id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(5);
        c.setTimeToWait(5_000);
        c.connect(o);
        return c;
    }
}
