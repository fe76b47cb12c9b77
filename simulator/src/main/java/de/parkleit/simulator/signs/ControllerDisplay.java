package de.parkleit.simulator.signs;

import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What each sign of the simulated controller displays, and the faults it is told to have. Like a
 * real controller it blanks a sign whose frame's {@code validUntil} has passed (its own fail-safe,
 * should the bridge die). Thread-safe.
 */
public final class ControllerDisplay {

    /** What a sign displays and since when. */
    public record Shown(SignFrame frame, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    private final Map<String, ControllerFault> faults = new ConcurrentHashMap<>();
    private volatile ControllerFault allFault = ControllerFault.NONE;
    private volatile Duration slowDelay = Duration.ofSeconds(5);
    private volatile BiConsumer<String, Shown> listener = (id, s) -> { };

    public ControllerDisplay(Clock clock) {
        this.clock = clock;
    }

    /** The fault of one sign. */
    public void fault(String signId, ControllerFault f) {
        faults.put(signId, f);
    }

    /** The fault of every sign without its own. */
    public void faultAll(ControllerFault f) {
        allFault = f;
    }

    public void slowDelay(Duration d) {
        slowDelay = d;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    public ControllerFault faultOf(String signId) {
        return faults.getOrDefault(signId, allFault);
    }

    /** Called after each change of what a sign displays (on the thread that received the frame). */
    public void onDisplay(BiConsumer<String, Shown> l) {
        listener = l;
    }

    /**
     * Takes a frame for a sign, as its fault says: the frame now displayed (for {@link ControllerFault#WRONG_ECHO} a
     * blank one), or empty for {@link ControllerFault#ERROR} (nothing changes).
     */
    public Optional<SignFrame> receive(SignFrame f) {
        ControllerFault fault = faultOf(f.signId());
        if (fault == ControllerFault.ERROR) {
            return Optional.empty();
        }
        SignFrame show = fault == ControllerFault.WRONG_ECHO && !f.lines().isEmpty()
                ? new SignFrame(f.signId(), f.name(), f.lat(), f.lon(), f.heading(), List.of(), f.ts(), f.validUntil())
                : f;
        Shown s = new Shown(show, clock.instant());
        shown.put(f.signId(), s);
        listener.accept(f.signId(), s);
        return Optional.of(show);
    }

    /** What the sign displays now: its frame, blank once the frame's validity has passed; empty if it never got one. */
    public Optional<SignFrame> displayed(String signId) {
        Shown s = shown.get(signId);
        if (s == null) {
            return Optional.empty();
        }
        SignFrame f = s.frame();
        if (f.expiredAt(clock.instant())) {
            return Optional.of(new SignFrame(f.signId(), f.name(), f.lat(), f.lon(), f.heading(), List.of(), f.ts(), f.validUntil()));
        }
        return Optional.of(f);
    }

    /** When the sign's display last changed; empty if it never got a frame. */
    public Optional<Instant> since(String signId) {
        return Optional.ofNullable(shown.get(signId)).map(Shown::since);
    }
}
