package de.parkleit.dashboard.live;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live-push reader on a plain socket with a small receive buffer, so that a test controls how fast
 * it reads: {@link #pause(boolean)} stops reading (the server's write queue then fills up). Remembers
 * the last {@code state} frame per facility. Every read has a timeout.
 */
final class SseSocketClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicLong stateFrames = new AtomicLong();
    private final Map<String, JsonObject> last = new ConcurrentHashMap<>();
    private final Thread reader;

    SseSocketClient(int port, boolean startPaused) throws IOException {
        paused.set(startPaused);
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.getOutputStream().write(("GET " + LiveStreamHandler.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        reader = new Thread(this::read, "sse-socket-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024)) {
            String line;
            boolean state = false;
            while (true) {
                while (paused.get()) {
                    Thread.sleep(10);
                }
                if ((line = in.readLine()) == null) {
                    break;
                }
                if (line.equals("event: state")) {
                    state = true;
                } else if (state && line.startsWith("data: ")) {
                    JsonObject o = new JsonObject(line.substring(6));
                    last.put(o.getString("id"), o);
                    stateFrames.incrementAndGet();
                    state = false;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // reset by the server, timed out or closed by the test
        }
        open.set(false);
    }

    void pause(boolean on) {
        paused.set(on);
    }

    /** False once the server closed or reset the connection. */
    boolean open() {
        return open.get();
    }

    long stateFrames() {
        return stateFrames.get();
    }

    /** The {@code free} of the last state frame received for the facility, or null. */
    Integer lastFree(String facilityId) {
        JsonObject o = last.get(facilityId);
        return o == null ? null : o.getInteger("free");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
