package de.parkleit.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An in-process MQTT 3.1.1 broker (Moquette 0.17 with its netty relocated) for {@code demo}, tests
 * and small single-instance installations. Telemetry is off; sessions and queued QoS 1 messages
 * persist in {@code dataDir} when one is given.
 *
 * <p>Moquette does not deliver to {@code $share/...} subscriptions of MQTT 3.1.1 clients, so
 * clients of this broker must subscribe plainly. An empty client id is accepted with a clean session
 * (MQTT 3.1.1, 3.1.3-7: the broker assigns one), as Debian's {@code mosquitto_pub} sends it. MQTT
 * messages larger than {@code maxMessageBytes} are refused: the connection that sent one is closed, the refusal is
 * counted ({@link #oversizedRefused()}) and logged once per client instead of Moquette's stack trace per message.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final String host;
    private final int port;
    private final Path dataDir;
    private final int maxMessageBytes;
    private Server server;
    private OversizedMessageFilter oversized;

    /** {@code PARKLEIT_EMBEDDED_MQTT_MAX_MESSAGE} when not set: 64 KiB, far above ingest's payload limits (4 KiB, LoRaWAN 16 KiB). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_536;

    /**
     * @param host    address to bind, e.g. {@code 127.0.0.1}
     * @param port    TCP port, 0 is not supported by Moquette: pick a free port first
     * @param dataDir folder for the persistent store, or {@code null} for memory only
     */
    public EmbeddedBroker(String host, int port, Path dataDir) {
        this(host, port, dataDir, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** As {@link #EmbeddedBroker(String, int, Path)}, refusing MQTT messages larger than {@code maxMessageBytes}. */
    public EmbeddedBroker(String host, int port, Path dataDir, int maxMessageBytes) {
        if (maxMessageBytes < 1_024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        }
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
        this.maxMessageBytes = maxMessageBytes;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Starts the broker; throws {@link BrokerStartException} if the port is taken. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("host", host);
        props.setProperty("port", Integer.toString(port));
        props.setProperty("websocket_port", "disabled");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("telemetry_enabled", "false");
        props.setProperty("use_metrics", "false");
        props.setProperty("use_bugsnag", "false");
        props.setProperty("session_queue_size", "100000");
        props.setProperty("immediate_buffer_flush", "true");
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty("netty.mqtt.message_size", Integer.toString(maxMessageBytes));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            props.setProperty("persistence_enabled", "true");
            props.setProperty("data_path", dataDir.toAbsolutePath().toString());
            props.setProperty("persistent_store", dataDir.resolve("moquette_store.h2").toAbsolutePath().toString());
        } else {
            props.setProperty("persistence_enabled", "false");
        }
        Server s = new Server();
        try {
            s.startServer(new MemoryConfig(props));
        } catch (IOException e) {
            throw new BrokerStartException("embedded MQTT broker could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof BindException) {
                throw new BrokerStartException("port " + port + " is already in use", e);
            }
            throw new BrokerStartException("embedded MQTT broker could not start on " + host + ":" + port + ": " + root, e);
        }
        server = s;
        if (logbackPresent()) {
            oversized = OversizedMessageFilter.install(maxMessageBytes);
        }
    }

    /**
     * MQTT messages refused for their size since the broker started (each closes the sender's connection). Counted
     * when Logback is the logging backend, as it is in {@code parkleit}; 0 otherwise.
     */
    public long oversizedRefused() {
        OversizedMessageFilter f = oversized;
        return f == null ? 0 : f.refused();
    }

    private static boolean logbackPresent() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, EmbeddedBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
        if (oversized != null) {
            oversized.uninstall();
            oversized = null;
        }
    }

    /** The broker could not start, usually because its port is taken. */
    public static final class BrokerStartException extends RuntimeException {
        public BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
