package de.parkleit.bench.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read-only looks at the system under load: /metrics, QuestDB row count, parkleit's heap (jstat), load average, own CPU time. */
final class Probes {
    private static final Pattern ROWS = Pattern.compile("\"dataset\"\\s*:\\s*\\[\\[(\\d+)");
    private final HttpClient http = LoadRun.newClient();
    private final String base;
    private final String questdb;
    private final String pid;

    Probes(String base, String questdb, String pid) {
        this.base = base;
        this.questdb = questdb;
        this.pid = pid;
    }

    /** Sum of a Prometheus metric over all its labels; 0 without parkleit (floor). */
    double metric(String name) throws Exception {
        if (base.equals("none")) {
            return 0;
        }
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Rows in space_occupancy (the run's store is fresh; QuestDB deduplicates on timestamp and tags). */
    long rows() throws Exception {
        String q = URLEncoder.encode("select count() from space_occupancy", StandardCharsets.UTF_8);
        String body = http.send(HttpRequest.newBuilder(URI.create(questdb + "/exec?query=" + q)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = ROWS.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** parkleit's heap from one {@code jstat -gc}: used (survivors + eden + old) and old generation, in MiB; NaN without a pid. */
    Heap heap() {
        if (pid == null) {
            return new Heap(Double.NaN, Double.NaN);
        }
        try {
            Process p = new ProcessBuilder("jstat", "-gc", pid).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            p.waitFor();
            List<String> head = List.of(lines[0].trim().split("\\s+"));
            String[] v = lines[1].trim().split("\\s+");
            double used = 0;
            for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(v[head.indexOf(col)]);
            }
            return new Heap(used / 1024, Double.parseDouble(v[head.indexOf("OU")]) / 1024);
        } catch (Exception e) {
            return new Heap(Double.NaN, Double.NaN);
        }
    }

    record Heap(double usedMiB, double oldGenMiB) {
        String oldGen() {
            return Double.isNaN(oldGenMiB) ? "?" : String.format("%.0f", oldGenMiB);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** CPU time of this JVM (all threads: generator, readers, JIT, GC), in seconds. */
    static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
