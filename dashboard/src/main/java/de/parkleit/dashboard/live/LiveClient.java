package de.parkleit.dashboard.live;

import io.vertx.core.http.HttpServerResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live-push connection and what it still has to get. A frame goes straight to the socket while
 * the connection keeps up; once its write queue is full, frames wait here keyed by what they describe
 * (a facility, a sign) so that a newer frame replaces an older one with the same key (latest state
 * wins) and the backlog can never exceed one frame per key. Confined to the handler's context.
 */
final class LiveClient {

    /** What offering a frame did. */
    enum Offer { WRITTEN, QUEUED, COALESCED, OVERFLOW }

    private final HttpServerResponse response;
    private final int maxPending;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private long behindSinceNanos = -1;

    LiveClient(HttpServerResponse response, int maxPending) {
        this.response = response;
        this.maxPending = maxPending;
        response.drainHandler(v -> flush());
    }

    HttpServerResponse response() {
        return response;
    }

    /** Writes the frame, or keeps it (replacing an older one of the same key) while the connection is behind. */
    Offer offer(String key, String frame, long nowNanos) {
        if (pending.isEmpty() && !response.writeQueueFull()) {
            response.write(frame);
            return Offer.WRITTEN;
        }
        if (behindSinceNanos < 0) {
            behindSinceNanos = nowNanos;
        }
        // remove first so the newest frame of a key goes to the end: frames keep the order of their last change
        boolean replaced = pending.remove(key) != null;
        pending.put(key, frame);
        if (replaced) {
            return Offer.COALESCED;
        }
        return pending.size() > maxPending ? Offer.OVERFLOW : Offer.QUEUED;
    }

    /** Writes waiting frames until the write queue is full again; the drain handler calls it. */
    void flush() {
        Iterator<String> it = pending.values().iterator();
        while (it.hasNext() && !response.writeQueueFull()) {
            response.write(it.next());
            it.remove();
        }
        if (pending.isEmpty() && !response.writeQueueFull()) {
            behindSinceNanos = -1;
        }
    }

    /** Nanoseconds this client has been unable to take frames as they came (0 when it keeps up). */
    long behindNanos(long nowNanos) {
        return behindSinceNanos < 0 ? 0 : nowNanos - behindSinceNanos;
    }

    boolean idle() {
        return pending.isEmpty() && !response.writeQueueFull();
    }

    int pending() {
        return pending.size();
    }
}
