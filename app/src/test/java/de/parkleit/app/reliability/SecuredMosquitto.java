package de.parkleit.app.reliability;

import de.parkleit.platform.testing.TestBroker;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto running the shipped {@code deploy/mosquitto/mosquitto.conf} and
 * {@code deploy/mosquitto/acl}. Only what must differ outside the container is rewritten: the
 * ports, the file paths, and a {@code user} line (started as root, Mosquitto would otherwise drop to
 * user {@code mosquitto}, which cannot read the test's folder). The commented TLS example of the
 * shipped config is switched on with the test's certificate. The password file is made with
 * {@code mosquitto_passwd}, as the container's entrypoint does.
 */
final class SecuredMosquitto implements AutoCloseable {

    static final Path SHIPPED = ReliabilityNodes.HOME.resolve("deploy").resolve("mosquitto");

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private SecuredMosquitto(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd"));
    }

    /** Writes config, ACL and password file ({@code users}: name to password) into {@code dir} and starts Mosquitto. */
    static SecuredMosquitto start(Path dir, Map<String, String> users, TestCertificates tls) throws IOException, InterruptedException {
        return start(dir, users, tls, "");
    }

    /**
     * As {@link #start(Path, Map, TestCertificates)}, with {@code aclAddition} appended to the test's copy of the
     * shipped ACL (e.g. a test-only user that may read {@code $SYS}); the shipped file is not changed.
     */
    static SecuredMosquitto start(Path dir, Map<String, String> users, TestCertificates tls, String aclAddition)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        SecuredMosquitto m = new SecuredMosquitto(dir, TestBroker.freePort(), TestBroker.freePort());
        Files.writeString(dir.resolve("acl"), Files.readString(SHIPPED.resolve("acl")) + "\n" + aclAddition);
        Path passwd = dir.resolve("data").resolve("passwd");
        Files.writeString(passwd, "");
        for (Map.Entry<String, String> u : users.entrySet()) {
            m.run("/usr/bin/mosquitto_passwd", "-b", passwd.toString(), u.getKey(), u.getValue());
        }
        Files.writeString(dir.resolve("mosquitto.conf"), m.rewrite(Files.readAllLines(SHIPPED.resolve("mosquitto.conf")), tls));
        m.launch();
        return m;
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        awaitPort(port);
        awaitPort(tlsPort);
    }

    /**
     * Stops the broker, with SIGTERM (Mosquitto saves its persistence file on the way out) or SIGKILL
     * (what the last {@code autosave_interval} save holds is all that survives), and waits until it is gone.
     */
    void stop(boolean kill) throws InterruptedException {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("mosquitto did not stop");
        }
    }

    /** Starts the broker again on the same ports, config and persistence folder. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    private String rewrite(List<String> shipped, TestCertificates tls) {
        List<String> out = new ArrayList<>();
        out.add("user " + System.getProperty("user.name"));
        for (String line : shipped) {
            String l = line
                    .replace("persistence_location /mosquitto/data/", "persistence_location " + dir.resolve("data") + "/")
                    .replace("password_file /mosquitto/data/passwd", "password_file " + dir.resolve("data").resolve("passwd"))
                    .replace("acl_file /mosquitto/config/acl", "acl_file " + dir.resolve("acl"))
                    .replace("listener 1883", "listener " + port + " 127.0.0.1")
                    .replace("#listener 8883", "listener " + tlsPort + " 127.0.0.1")
                    .replace("#certfile /mosquitto/certs/server.crt", "certfile " + tls.serverCert())
                    .replace("#keyfile /mosquitto/certs/server.key", "keyfile " + tls.serverKey())
                    .replace("#tls_version tlsv1.2", "tls_version tlsv1.2");
            out.add(l);
        }
        String text = String.join("\n", out) + "\n";
        if (!text.contains("listener " + tlsPort)) {
            throw new IllegalStateException("the shipped mosquitto.conf lost its commented TLS example (#listener 8883 ...)");
        }
        return text;
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("passwd.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("passwd.log")));
        }
    }

    private void awaitPort(int p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", p)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + p + ":\n" + log());
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
