package de.parkleit.platform.store.questdb;

import de.parkleit.platform.config.ConfigException;
import io.questdb.PropertyKey;
import io.questdb.ServerMain;
import io.questdb.log.LogFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuestDB running in this JVM on a data folder. Only its HTTP server listens (ILP on
 * {@code /api/v2/write}, SQL on {@code /exec}), bound to 127.0.0.1; the PostgreSQL wire, ILP over
 * TCP/UDP, the minimal health server and telemetry are switched off, so several instances (tests,
 * a second process) never collide on fixed ports.
 */
public final class EmbeddedQuestDb implements AutoCloseable {

    /** The variable that sets the HTTP port; named in the error when the port is taken. */
    public static final String PORT_VARIABLE = "PARKLEIT_QUESTDB_HTTP_PORT";
    public static final int DEFAULT_HTTP_PORT = 9000;
    static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedQuestDb.class);

    private final ServerMain server;
    private final Path root;
    private final int httpPort;

    private EmbeddedQuestDb(ServerMain server, Path root, int httpPort) {
        this.server = server;
        this.root = root;
        this.httpPort = httpPort;
    }

    /** Starts QuestDB as configured; see {@link #start(Path, int)}. */
    public static EmbeddedQuestDb start(QuestDbConfig config) {
        return start(config.root(), config.httpPort());
    }

    /**
     * Starts QuestDB on {@code root} (created if missing) with HTTP on 127.0.0.1:{@code httpPort};
     * port 0 picks a free port. Throws {@link ConfigException} naming {@link #PORT_VARIABLE} when
     * the port is in use.
     */
    public static EmbeddedQuestDb start(Path root, int httpPort) {
        Objects.requireNonNull(root, "root");
        if (httpPort < 0 || httpPort > 65535) {
            throw new ConfigException(PORT_VARIABLE + " must be a TCP port 0..65535, got " + httpPort);
        }
        int port = httpPort == 0 ? freePort() : requireFree(httpPort);
        Path abs = root.toAbsolutePath().normalize();
        prepareRoot(abs);
        long t0 = System.nanoTime();
        ServerMain server = ServerMain.create(abs.toString(), settings(port));
        try {
            server.start(false);
            server.awaitStartup();
        } catch (RuntimeException | Error e) {
            server.close();
            if (!portIsFree(port)) {
                throw portInUse(port, e);
            }
            throw new IllegalStateException("embedded QuestDB did not start on " + abs + ": " + e.getMessage(), e);
        }
        LOG.info("embedded QuestDB started on {} with HTTP at http://{}:{} in {} ms",
                abs, HOST, port, (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedQuestDb(server, abs, port);
    }

    /** Base URL of the HTTP server, e.g. {@code http://127.0.0.1:9000}. */
    public String httpUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path root() {
        return root;
    }

    /** Blocks until every WAL transaction of {@code table} committed so far is applied (tests, tools). */
    public void awaitApplied(String table) {
        server.awaitTable(table);
    }

    @Override
    public void close() {
        if (!server.hasBeenClosed()) {
            server.close();
            LOG.info("embedded QuestDB on {} stopped", root);
        }
    }

    static Map<String, String> settings(int port) {
        Map<String, String> env = new HashMap<>();
        put(env, PropertyKey.HTTP_NET_BIND_TO, HOST + ":" + port);
        put(env, PropertyKey.HTTP_MIN_ENABLED, "false");
        put(env, PropertyKey.PG_ENABLED, "false");
        put(env, PropertyKey.LINE_TCP_ENABLED, "false");
        put(env, PropertyKey.LINE_UDP_ENABLED, "false");
        put(env, PropertyKey.TELEMETRY_ENABLED, "false");
        put(env, PropertyKey.TELEMETRY_DISABLE_COMPLETELY, "true");
        put(env, PropertyKey.METRICS_ENABLED, "false");
        return env;
    }

    private static void put(Map<String, String> env, PropertyKey key, String value) {
        env.put(ServerMain.propertyPathToEnvVarName(key.getPropertyPath()), value);
    }

    /** QuestDB logs through its own framework: keep the console to errors, the rest goes to root/log. */
    private static void prepareRoot(Path root) {
        try {
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.createDirectories(root.resolve("log"));
            Path logConf = conf.resolve("log.conf");
            if (!Files.exists(logConf)) {
                Files.writeString(logConf, String.join("\n",
                        "writers=file,stdout",
                        "w.file.class=io.questdb.log.LogRollingFileWriter",
                        "w.file.location=${log.dir}/questdb.log.${date:yyyyMMdd}",
                        "w.file.level=INFO,ERROR,CRITICAL",
                        "w.file.rollEvery=day",
                        "w.file.lifeDuration=7d",
                        "w.file.rollSize=64m",
                        "w.file.sizeLimit=256m",
                        "w.stdout.class=io.questdb.log.LogConsoleWriter",
                        "w.stdout.level=ERROR,CRITICAL",
                        ""), StandardCharsets.UTF_8);
            }
            // QuestDB's log factory is one per JVM and reads conf/log.conf of the first root only
            LogFactory.configureRootDir(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare QuestDB data folder " + root, e);
        }
    }

    private static int requireFree(int port) {
        if (!portIsFree(port)) {
            throw portInUse(port, null);
        }
        return port;
    }

    private static ConfigException portInUse(int port, Throwable cause) {
        return new ConfigException("embedded QuestDB cannot listen on " + HOST + ":" + port
                + ": the port is already in use (another QuestDB or parkleit?); set " + PORT_VARIABLE
                + " to a free port", cause);
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + HOST, e);
        }
    }
}
