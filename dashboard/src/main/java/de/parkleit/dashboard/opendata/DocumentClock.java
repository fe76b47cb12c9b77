package de.parkleit.dashboard.opendata;

import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the data behind the open-data documents last changed: the newest change the board announced
 * (a state or an override, on the writing thread: one clock read, no allocation), the start of
 * an override or its end once passed (the board's view changes then without an announcement), and
 * the start of this instance (the facility list). Whole seconds, as HTTP dates are; the documents
 * carry it as their publication time, so the same data give the same bytes and the same ETag.
 */
final class DocumentClock {

    private final LiveBoard board;
    private final AtomicLong changedMillis;
    private final AtomicLong version = new AtomicLong();

    DocumentClock(LiveBoard board) {
        this.board = board;
        this.changedMillis = new AtomicLong(board.clock().millis());
        board.addListener(id -> {
            changedMillis.accumulateAndGet(board.clock().millis(), Math::max);
            version.incrementAndGet();
        });
    }

    /** Counts the board's announcements: two changes within one second differ here, not in {@link #lastModified()}. */
    long version() {
        return version.get();
    }

    Instant lastModified() {
        Instant now = board.clock().instant();
        Instant t = Instant.ofEpochMilli(changedMillis.get());
        for (FacilityOperation op : board.operations()) {
            t = latest(t, op.at(), now);
            t = latest(t, op.until(), now);
        }
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant latest(Instant t, Instant candidate, Instant now) {
        return candidate.isAfter(t) && !candidate.isAfter(now) ? candidate : t;
    }
}
