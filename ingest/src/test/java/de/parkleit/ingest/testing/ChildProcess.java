package de.parkleit.ingest.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started from the test classpath running a main class; its output goes to a log file. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} and waits until it prints {@code readyLine}. */
    public static ChildProcess start(Class<?> mainClass, Path log, String readyLine, long timeoutMs, String... args)
            throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp", cp, mainClass.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ChildProcess child = new ChildProcess(p, log);
        Thread pump = new Thread(() -> child.pump(readyLine), "child-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (child) {
            while (!child.ready && p.isAlive() && System.currentTimeMillis() < deadline) {
                child.wait(200);
            }
        }
        if (!child.ready) {
            p.destroyForcibly();
            throw new IllegalStateException("child " + mainClass.getSimpleName() + " did not get ready; log:\n" + child.tail());
        }
        return child;
    }

    private boolean ready;

    private void pump(String readyLine) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                if (line.equals(readyLine)) {
                    synchronized (this) {
                        ready = true;
                        notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The last lines of its output. */
    public String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
