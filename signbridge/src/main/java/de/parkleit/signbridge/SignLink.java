package de.parkleit.signbridge;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sign as the bridge drives it: the frame parkleit decided for it and what was last sent. Not
 * thread-safe: the bridge calls it from one thread (its verticle's context).
 *
 * <p>What the sign should show ({@link #target}): the decided frame, or the sign's safe text when no
 * frame was decided ({@code no_frame}, after the settle time), the frame's data are older than the
 * maximum frame age ({@code stale}), its {@code validUntil} is within the safe margin ({@code expired}),
 * or the broker has been gone longer than the grace ({@code broker_lost}). {@link #due} hands out the
 * next show when that differs from what the sign shows, at most one at a time and at most one per
 * minimum interval; a failed or wrongly echoed show is retried after the retry time.
 */
public final class SignLink {

    /** What a sign should show now: a decided frame ({@code safe} null) or the safe text with its reason. */
    public record Target(SignFrame frame, String safe) {
    }

    /** A show handed to the driver. */
    public record Show(SignFrame frame, String safe, Instant at) {
        Object key() {
            return safe == null ? frame : SAFE_KEY;
        }
    }

    private static final Object SAFE_KEY = new Object();

    private final SignDriver driver;
    private final SafeText safeText;
    private final Timings timings;
    private final Instant startedAt;
    private SignFrame base;
    private SignFrame decided;
    private Object shownKey;
    private Object attemptedKey;
    private Instant lastAttempt;
    private boolean lastFailed;
    private Show inFlight;
    private SignAck lastAck;
    private Instant lastGoodAck;

    /** @param bare the sign without lines (id, name, position), shown blank until a frame arrives */
    public SignLink(SignFrame bare, SignDriver driver, SafeText safeText, Timings timings, Instant startedAt) {
        this.base = Objects.requireNonNull(bare, "bare");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.safeText = Objects.requireNonNull(safeText, "safeText");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public String signId() {
        return base.signId();
    }

    public SignDriver driver() {
        return driver;
    }

    /** A frame parkleit decided for this sign. An older one than held (by {@code ts}) is ignored; returns whether taken. */
    public boolean decided(SignFrame f) {
        if (!f.signId().equals(base.signId())) {
            throw new IllegalArgumentException("frame of sign " + f.signId() + " given to sign " + base.signId());
        }
        if (decided != null && f.ts().isBefore(decided.ts())) {
            return false;
        }
        decided = f;
        base = f;
        return true;
    }

    /** The sign's frame was removed (empty retained payload): it shows its safe text. */
    public void removed() {
        decided = null;
    }

    /** @param brokerLostAt when the broker connection was lost, null while connected */
    public Target target(Instant now, Instant brokerLostAt) {
        if (decided == null) {
            return now.isBefore(startedAt.plus(timings.settle())) ? null : new Target(null, "no_frame");
        }
        Instant staleAt = decided.ts().plus(timings.maxFrameAge()).minus(timings.safeMargin());
        Instant expiresAt = decided.validUntil().minus(timings.safeMargin());
        if (!now.isBefore(staleAt) && !staleAt.isAfter(expiresAt)) {
            return new Target(null, "stale");
        }
        if (!now.isBefore(expiresAt)) {
            return new Target(null, "expired");
        }
        if (!now.isBefore(staleAt)) {
            return new Target(null, "stale");
        }
        if (brokerLostAt != null && !now.isBefore(brokerLostAt.plus(timings.brokerGrace()))) {
            return new Target(null, "broker_lost");
        }
        return new Target(decided, null);
    }

    /** The show to hand to the driver now, or null: nothing to change, one in flight, or the sign's minimum interval not over. */
    public Show due(Instant now, Instant brokerLostAt) {
        if (inFlight != null) {
            return null;
        }
        Target t = target(now, brokerLostAt);
        if (t == null) {
            return null;
        }
        Show s = new Show(t.safe() == null ? t.frame() : safeText.frame(base, now), t.safe(), now);
        Object key = s.key();
        if (key.equals(shownKey) && !lastFailed) {
            return null;
        }
        if (lastAttempt != null) {
            boolean retry = lastFailed && key.equals(attemptedKey);
            Instant earliest = lastAttempt.plus(retry ? max(timings.retryAfter(), timings.minInterval()) : timings.minInterval());
            if (now.isBefore(earliest)) {
                return null;
            }
        }
        inFlight = s;
        attemptedKey = key;
        lastAttempt = now;
        return s;
    }

    /** The driver showed {@code s} and reports {@code d}: the ack; a display other than the frame's lines is a {@code wrong_echo} fault. */
    public SignAck shown(Show s, Displayed d, Instant now) {
        finish(s);
        List<String> expected = SignAck.linesOf(s.frame());
        String fault = null;
        if (d.lines().equals(expected)) {
            shownKey = s.key();
            lastFailed = false;
            lastGoodAck = now;
        } else {
            lastFailed = true;
            shownKey = null;
            fault = cut("wrong_echo: sent " + expected.size() + " lines, controller shows " + d.lines());
        }
        return ack(s, d.lines(), d.at(), fault, now);
    }

    /** The show failed: the ack with the fault; the same show is retried after the retry time. */
    public SignAck failed(Show s, SignDriverException e, Instant now) {
        finish(s);
        lastFailed = true;
        shownKey = null;
        return ack(s, null, null, e.fault(), now);
    }

    /** The last ack, null before the first. */
    public SignAck lastAck() {
        return lastAck;
    }

    /** The last frame decided for the sign, null if none. */
    public SignFrame decidedFrame() {
        return decided;
    }

    /** Whether the sign has had no good acknowledgement (counted from the start) for longer than the ack alert. */
    public boolean overdue(Instant now) {
        Instant since = lastGoodAck == null ? startedAt : lastGoodAck;
        return now.isAfter(since.plus(timings.ackAlert()));
    }

    /** Whether the sign was last sent its safe text successfully. */
    public boolean showsSafe() {
        return shownKey == SAFE_KEY;
    }

    private void finish(Show s) {
        if (inFlight != s) {
            throw new IllegalStateException("sign " + signId() + ": outcome of a show that is not in flight");
        }
        inFlight = null;
    }

    private SignAck ack(Show s, List<String> lines, Instant displayedAt, String fault, Instant now) {
        lastAck = new SignAck(signId(), driver.kind(), now, s.safe() == null ? s.frame().ts() : null, s.safe(), lines,
                displayedAt, fault);
        return lastAck;
    }

    private static String cut(String s) {
        return s.length() > SignAck.MAX_FAULT ? s.substring(0, SignAck.MAX_FAULT - 1) + "…" : s;
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
