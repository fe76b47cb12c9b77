package de.parkleit.app.reliability;

import de.parkleit.platform.testing.TestBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy for fault injection (no netem or toxiproxy runs here): forwards a local port to
 * {@code 127.0.0.1:upstreamPort}; {@link #stall(boolean)} stops forwarding in both directions
 * without closing anything (the peers see silence, as on a dead route: a peer closing its end
 * during a stall is passed on only when the stall ends), {@link #reset()} drops
 * every open connection with a TCP RST.
 */
final class FaultProxy implements AutoCloseable {

    private final int upstreamPort;
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;
    private volatile boolean closed;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(TestBroker.freePort(), 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    void stall(boolean on) {
        stalled = on;
    }

    /** Drops all current connections with RST (SO_LINGER 0); new connections are accepted. */
    void reset() {
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket down = server.accept();
                Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(down);
                open.add(up);
                pump(down, up);
                pump(up, down);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                // not try-with-resources: closing a socket's stream closes the socket, and that must wait for a stall's end
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    awaitNoStall();
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    awaitNoStall();
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection reset or closed: close the other side too
            }
            try {
                awaitNoStall(); // a dead route carries no FIN either: the close passes when the stall ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                to.close();
                from.close();
            } catch (IOException e) {
                // closing anyway
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void awaitNoStall() throws InterruptedException {
        while (stalled && !closed) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        reset();
    }
}
