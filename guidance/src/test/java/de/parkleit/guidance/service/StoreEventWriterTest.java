package de.parkleit.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.platform.store.GuidanceIssued;
import de.parkleit.platform.store.SignDisplay;
import de.parkleit.platform.testing.InMemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Events wait in the writer while the store is down and reach it once it is back. */
class StoreEventWriterTest {

    private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoreEventWriter writer = new StoreEventWriter(store, registry);

    private double counted(String result) {
        return registry.get("parkleit.guidance.store.events").tag("result", result).counter().count();
    }

    @Test
    void keepsEventsWhileTheStoreIsDownAndWritesThemOnceItIsBack() {
        writer.add(new GuidanceIssued(T, "req-1", "P1", 0.9));
        writer.add(new SignDisplay(T.plusSeconds(1), "S1", "P1 12 frei"));
        store.setDown(true);

        assertThat(writer.flush()).isZero();
        assertThat(writer.queued()).isEqualTo(2);
        assertThat(store.events()).isEmpty();

        store.setDown(false);
        assertThat(writer.flush()).isEqualTo(2);
        assertThat(writer.queued()).isZero();
        assertThat(store.guidanceIssuedPerHour(T, T.plusSeconds(3600))).extracting(c -> c.id() + "=" + c.count()).containsExactly("P1=1");
        assertThat(store.signChangesPerHour(T, T.plusSeconds(3600))).extracting(c -> c.id() + "=" + c.count()).containsExactly("S1=1");
        assertThat(counted("written")).isEqualTo(2);
        assertThat(counted("dropped")).isZero();
    }

    @Test
    void dropsTheOldestBeyondTheQueueCapAndCountsThem() {
        for (int i = 0; i < StoreEventWriter.MAX_QUEUED + 3; i++) {
            writer.add(new GuidanceIssued(T.plusMillis(i), "req-" + i, "P1", 0.5));
        }
        assertThat(writer.queued()).isEqualTo(StoreEventWriter.MAX_QUEUED);
        assertThat(counted("dropped")).isEqualTo(3);
        assertThat(writer.flush()).isEqualTo(StoreEventWriter.MAX_QUEUED);
        assertThat(store.events()).hasSize(StoreEventWriter.MAX_QUEUED).first()
                .isEqualTo(new GuidanceIssued(T.plusMillis(3), "req-3", "P1", 0.5));
    }
}
