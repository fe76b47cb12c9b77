package de.parkleit.ingest.testing;

import de.parkleit.platform.testing.TestBroker;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto on a free port with persistence saved every second and no limit on queued
 * messages, so tests can restart it without touching the machine's broker.
 */
public final class MosquittoProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    public MosquittoProcess(Path dir) throws IOException {
        this.dir = dir;
        this.port = TestBroker.freePort();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                // started as root, mosquitto would drop to user "mosquitto", which cannot write into the test's folder
                "user " + System.getProperty("user.name"),
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "autosave_interval 1",
                "max_queued_messages 0",
                "max_inflight_messages 1000",
                "log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath(),
                ""));
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not start on port " + port);
    }

    /** SIGTERM: Mosquitto saves its persistence file and exits. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    public String logTail() {
        try {
            java.util.List<String> lines = Files.readAllLines(dir.resolve("mosquitto.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
