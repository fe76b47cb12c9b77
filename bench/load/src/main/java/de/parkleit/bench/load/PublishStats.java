package de.parkleit.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/** What the gateways did: readings sent, acknowledged by the broker (PUBACK), failed; publish-ack latency in µs. */
final class PublishStats {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    /** Acknowledged readings that changed their space (or were its first): the rows the store must end up with. */
    final AtomicLong ackedChanges = new AtomicLong();
    /** Publishes that failed (in-flight window full, connection gone) and connections the broker closed during the run. */
    final AtomicLong errors = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    /** PUBACKs whose publish time was not known (should stay 0): counted as acknowledged, no latency sample. */
    final AtomicLong unmatchedAcks = new AtomicLong();
    final ConcurrentHistogram ackLatency = new ConcurrentHistogram(3);

    /** Every sent reading has an outcome: a PUBACK or an error. */
    boolean settled() {
        return acked.get() + errors.get() >= sent.get();
    }
}
