package de.parkleit.guidance.signs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most one changed frame per sign per interval ({@code PARKLEIT_SIGN_MIN_INTERVAL}): a change goes out at
 * once when the sign's last frame is at least that old; otherwise only the newest frame waits and goes out when
 * the interval ends, its reason counting the changes it replaces. A sign shows nothing a driver could read
 * faster, and the broker, the dashboard and the audit table see one frame where a busy facility made several.
 * Not thread-safe: used on the guidance verticle's context.
 */
public final class SignPacer {

    private final Duration interval;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();

    private record Held(SignBoard.Change change, int replaced) {
    }

    /** @param interval least time between two frames of one sign; zero sends every change at once */
    public SignPacer(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.interval = interval;
    }

    /** The changes to send now; the others are held (newest per sign) for {@link #due}. */
    public List<SignBoard.Change> offer(List<SignBoard.Change> changes, Instant now) {
        List<SignBoard.Change> out = new ArrayList<>(changes.size());
        for (SignBoard.Change c : changes) {
            String id = c.frame().signId();
            Held before = held.remove(id);
            int replaced = before == null ? 0 : before.replaced() + 1;
            if (ready(id, now)) {
                lastSent.put(id, now);
                out.add(annotated(c, replaced));
            } else {
                held.put(id, new Held(c, replaced));
            }
        }
        return out;
    }

    /** Held changes whose sign may show a new frame now, each once. */
    public List<SignBoard.Change> due(Instant now) {
        List<SignBoard.Change> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Held> e = it.next();
            if (ready(e.getKey(), now)) {
                it.remove();
                lastSent.put(e.getKey(), now);
                out.add(annotated(e.getValue().change(), e.getValue().replaced()));
            }
        }
        return out;
    }

    /** A frame of this sign went out by other means (start, republish). */
    public void sent(String signId, Instant now) {
        lastSent.put(signId, now);
    }

    public int heldCount() {
        return held.size();
    }

    private SignBoard.Change annotated(SignBoard.Change c, int replaced) {
        return replaced == 0 ? c : new SignBoard.Change(c.frame(),
                c.why() + " (newest of " + (replaced + 1) + " changes within " + interval.toMillis() + " ms)");
    }

    private boolean ready(String id, Instant now) {
        Instant last = lastSent.get(id);
        return last == null || !now.isBefore(last.plus(interval));
    }
}
