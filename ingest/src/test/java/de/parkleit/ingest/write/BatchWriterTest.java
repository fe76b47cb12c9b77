package de.parkleit.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.ingest.spool.DiskSpool;
import de.parkleit.platform.testing.InMemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchWriterTest {

    @TempDir
    Path dir;
    Vertx vertx;
    Context ctx;
    WorkerExecutor worker;
    InMemoryStore store = new InMemoryStore();
    DiskSpool spool;
    BatchWriter writer;
    AtomicInteger durable = new AtomicInteger();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        ctx = vertx.getOrCreateContext();
        worker = vertx.createSharedWorkerExecutor("test-writer", 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        if (spool != null) {
            spool.close();
        }
    }

    private void open(long spoolMax) {
        spool = DiskSpool.open(dir, spoolMax, 4096);
        writer = new BatchWriter(ctx, worker, store, spool, 50, 500, new SimpleMeterRegistry());
        ctx.runOnContext(v -> writer.start());
    }

    private static Reading reading(int i) {
        return new OccupancyReading("P1", Instant.parse("2026-11-26T12:00:00Z").plusSeconds(i), i % 100, null, null);
    }

    private void submit(int from, int to) {
        ctx.runOnContext(v -> {
            for (int i = from; i < to; i++) {
                writer.submit(List.of(reading(i)), durable::incrementAndGet, why -> { });
            }
        });
    }

    @Test
    void writesDirectlyAndAcknowledgesAfterTheStoreWrite() {
        open(1 << 20);
        submit(0, 400);
        await().atMost(10, TimeUnit.SECONDS).until(() -> durable.get() == 400);
        assertThat(store.size()).isEqualTo(400);
        assertThat(spool.isEmpty()).isTrue();
        assertThat(writer.spooling()).isFalse();
    }

    @Test
    void spillsABacklogLargerThanMaxPendingToTheSpool() {
        open(1 << 20);
        submit(0, 1000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> durable.get() == 1000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.size() == 1000 && spool.isEmpty() && !writer.spooling());
    }

    @Test
    void spoolsWhileTheStoreIsDownAndReplaysInOrderWhenItIsBack() {
        open(1 << 20);
        store.setDown(true);
        submit(0, 1000);
        await().atMost(10, TimeUnit.SECONDS).until(() -> durable.get() == 1000);
        assertThat(store.size()).isZero();
        assertThat(spool.isEmpty()).isFalse();
        store.setDown(false);
        await().atMost(20, TimeUnit.SECONDS).until(() -> store.size() == 1000 && spool.isEmpty());
        List<String> order = store.writeLog().stream().distinct().collect(Collectors.toList());
        assertThat(order).isEqualTo(java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> InMemoryStore.key(reading(i))).collect(Collectors.toList()));
        submit(1000, 1100);
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.size() == 1100);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !writer.spooling());
    }

    @Test
    void holdsReadingsUnacknowledgedWhenStoreAndSpoolAreFull() throws Exception {
        open(2_000);
        store.setDown(true);
        submit(0, 300);
        Thread.sleep(1500);
        assertThat(durable.get()).isLessThan(300);
        assertThat(writer.spoolFull()).isTrue();
        store.setDown(false);
        await().atMost(30, TimeUnit.SECONDS).until(() -> durable.get() == 300 && store.size() == 300);
    }

    @Test
    void aRestartReplaysWhatTheLastRunSpooled() throws Exception {
        open(1 << 20);
        store.setDown(true);
        submit(0, 200);
        await().atMost(10, TimeUnit.SECONDS).until(() -> durable.get() == 200);
        vertx.close().await(10, TimeUnit.SECONDS);
        spool.close();
        store.setDown(false);
        vertx = Vertx.vertx();
        ctx = vertx.getOrCreateContext();
        worker = vertx.createSharedWorkerExecutor("test-writer", 2);
        open(1 << 20);
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.size() == 200 && spool.isEmpty());
    }
}
