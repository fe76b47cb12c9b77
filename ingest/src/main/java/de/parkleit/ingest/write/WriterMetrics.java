package de.parkleit.ingest.write;

import de.parkleit.ingest.spool.DiskSpool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The writer's Prometheus metrics ({@code parkleit_ingest_*}). */
final class WriterMetrics {

    private final Counter stored;
    private final Counter spooled;
    private final Counter replayed;
    private final Counter failures;
    private final Counter spoolModes;
    private final Counter rejected;
    private final Timer writeTimer;

    WriterMetrics(MeterRegistry registry, BatchWriter writer, DiskSpool spool) {
        stored = Counter.builder("parkleit.ingest.stored").description("readings written to the store directly").register(registry);
        spooled = Counter.builder("parkleit.ingest.spooled").description("readings appended to the disk spool").register(registry);
        replayed = Counter.builder("parkleit.ingest.replayed").description("readings moved from the spool to the store").register(registry);
        failures = Counter.builder("parkleit.ingest.store.failures").description("failed store writes").register(registry);
        spoolModes = Counter.builder("parkleit.ingest.spool.entered").description("times the writer switched to the spool").register(registry);
        rejected = Counter.builder("parkleit.ingest.store.rejected").description("readings the store refused as invalid").register(registry);
        writeTimer = Timer.builder("parkleit.ingest.store.write").description("store batch write time").register(registry);
        Gauge.builder("parkleit.ingest.pending", writer, BatchWriter::pending)
                .description("readings in memory waiting to be made durable").register(registry);
        Gauge.builder("parkleit.ingest.spool.bytes", spool, DiskSpool::pendingBytes)
                .description("bytes in the disk spool not yet replayed").baseUnit("bytes").register(registry);
    }

    void stored(int n) {
        stored.increment(n);
    }

    void spooled(int n) {
        spooled.increment(n);
    }

    void replayed(int n) {
        replayed.increment(n);
    }

    void storeRejected(int n) {
        rejected.increment(n);
    }

    void storeFailure() {
        failures.increment();
    }

    void spoolModeEntered() {
        spoolModes.increment();
    }

    void storeWrite(long nanos) {
        writeTimer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
