package de.parkleit.simulator.driver;

import java.time.Instant;
import java.util.PriorityQueue;

/** Discrete events on a virtual clock, in time order; ties run in the order they were scheduled. */
final class EventQueue {

    static final class Event implements Comparable<Event> {
        final long at;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Event(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long seq;
    private long now;

    EventQueue(Instant start) {
        this.now = start.toEpochMilli();
    }

    Event at(Instant t, Runnable action) {
        return atMillis(t.toEpochMilli(), action);
    }

    Event after(double seconds, Runnable action) {
        return atMillis(now + Math.round(seconds * 1000), action);
    }

    private Event atMillis(long t, Runnable action) {
        Event e = new Event(Math.max(t, now), seq++, action);
        queue.add(e);
        return e;
    }

    Instant now() {
        return Instant.ofEpochMilli(now);
    }

    long nowMillis() {
        return now;
    }

    /** The next event that is not cancelled, or null; advances the clock to it. */
    Event next(long untilExclusive) {
        while (!queue.isEmpty()) {
            Event e = queue.peek();
            if (e.at >= untilExclusive) {
                return null;
            }
            queue.poll();
            if (!e.cancelled) {
                now = e.at;
                return e;
            }
        }
        return null;
    }

    /** Time of the next event, or Long.MAX_VALUE. */
    long peekTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.at;
    }

    void advanceTo(long t) {
        now = Math.max(now, t);
    }
}
