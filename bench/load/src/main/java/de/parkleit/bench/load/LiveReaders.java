package de.parkleit.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Live-push (SSE) readers on /api/v1/live: count events and record reading-to-push latency (arrival of a
 * state event minus its updatedAt). A reader the server drops reconnects, as a browser does.
 */
final class LiveReaders {
    private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");

    final AtomicLong events = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final ConcurrentHistogram lag = new ConcurrentHistogram(3);
    private final List<AtomicBoolean> alive = new ArrayList<>();
    private final String http;
    private volatile boolean running = true;

    LiveReaders(String http) {
        this.http = http;
    }

    void start(int readers) {
        for (int i = 0; i < readers; i++) {
            AtomicBoolean connected = new AtomicBoolean(false);
            alive.add(connected);
            Thread t = new Thread(() -> {
                while (running) {
                    read(connected);
                    if (running) {
                        reconnects.incrementAndGet();
                    }
                }
            }, "sse-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    long connected() {
        return alive.stream().filter(AtomicBoolean::get).count();
    }

    void stop() {
        running = false;
    }

    private void read(AtomicBoolean connected) {
        try {
            HttpResponse<java.io.InputStream> r = LoadRun.newClient().send(HttpRequest.newBuilder(URI.create(http + "/api/v1/live")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean state = false;
                connected.set(r.statusCode() == 200);
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.incrementAndGet();
                        state = line.equals("event: state");
                    } else if (state && line.startsWith("data:")) {
                        Matcher m = UPDATED.matcher(line);
                        if (m.find()) {
                            long ms = System.currentTimeMillis() - Instant.parse(m.group(1)).toEpochMilli();
                            lag.recordValue(Math.max(1, ms * 1000));
                        }
                        state = false;
                    }
                    if (!running) {
                        return;
                    }
                }
                connected.set(false);
            }
        } catch (Exception e) {
            connected.set(false);
        }
    }

    /** Opens /api/v1/live on a plain socket with a small receive buffer and never reads from it: the server must drop it. */
    static Socket stuckClient(String http) throws Exception {
        URI u = URI.create(http);
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5000);
        s.getOutputStream().write(("GET /api/v1/live HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }
}
