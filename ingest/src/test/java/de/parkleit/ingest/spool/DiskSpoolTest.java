package de.parkleit.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

    @TempDir
    Path dir;

    private static byte[] rec(int i) {
        return ("record-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(DiskSpool s) {
        List<String> out = new ArrayList<>();
        while (true) {
            var e = s.peek();
            if (e.isEmpty()) {
                return out;
            }
            out.add(new String(e.get().payload(), StandardCharsets.UTF_8));
            s.commit(e.get());
        }
    }

    @Test
    void replaysInOrderAcrossSegmentsAndDeletesReplayedSegments() {
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 100)) {
            for (int i = 0; i < 50; i++) {
                s.append(rec(i));
            }
            assertThat(s.segments().size()).isGreaterThan(5);
            List<String> got = drain(s);
            assertThat(got).hasSize(50).startsWith("record-0", "record-1").endsWith("record-49");
            assertThat(s.isEmpty()).isTrue();
            assertThat(s.segments()).hasSize(1);
        }
    }

    @Test
    void readsAndCommitsManyRecordsAtOnceAcrossSegments() {
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 100)) {
            for (int i = 0; i < 30; i++) {
                s.append(rec(i));
            }
            List<String> got = new ArrayList<>();
            while (true) {
                var batch = s.peek(7, 1 << 20);
                if (batch.isEmpty()) {
                    break;
                }
                assertThat(batch.size()).isLessThanOrEqualTo(7);
                batch.forEach(e -> got.add(new String(e.payload(), StandardCharsets.UTF_8)));
                s.commit(batch);
            }
            assertThat(got).hasSize(30).startsWith("record-0").endsWith("record-29");
            assertThat(s.isEmpty()).isTrue();
            assertThat(s.peek(10, 5)).isEmpty();
            s.append(rec(30));
            assertThat(s.peek(10, 5)).hasSize(1);
        }
    }

    @Test
    void aReopenedSpoolContinuesWhereReplayStopped() {
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 100)) {
            for (int i = 0; i < 20; i++) {
                s.append(rec(i));
            }
            for (int i = 0; i < 7; i++) {
                s.commit(s.peek().orElseThrow());
            }
        }
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 100)) {
            s.append(rec(20));
            List<String> got = drain(s);
            assertThat(got).hasSize(14).first().isEqualTo("record-7");
            assertThat(got).last().isEqualTo("record-20");
        }
    }

    @Test
    void aTornLastRecordIsCutOffOnOpen() throws IOException {
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
            s.append(rec(1));
            s.append(rec(2));
        }
        Path seg = dir.resolve("000000000001.seg");
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        try (DiskSpool s = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
            assertThat(drain(s)).containsExactly("record-1");
            s.append(rec(3));
            assertThat(drain(s)).containsExactly("record-3");
        }
    }

    @Test
    void refusesAppendsOverItsLimitUntilReplayFreesSpace() {
        try (DiskSpool s = DiskSpool.open(dir, 100, 1 << 20)) {
            s.append(new byte[60]);
            assertThatThrownBy(() -> s.append(new byte[60])).isInstanceOf(SpoolFullException.class);
            s.commit(s.peek().orElseThrow());
            s.append(new byte[60]);
        }
    }

    @Test
    void recordsRoundTripEveryReadingKind() {
        Instant ts = Instant.parse("2026-11-26T12:00:00.123456789Z");
        List<Reading> rs = List.of(
                new OccupancyReading("P1", ts, 5, 100, FacilityStatus.CLOSED),
                new OccupancyReading("P1", ts, -3, null, null),
                new CountsReading("P2", ts, 3, 1, 99_999_999_999L),
                new SpaceReading("P3", "S-1", ts, true),
                new TrafficReading("D1", ts, 60, 14, 31.5, null),
                new TrafficReading("D2", ts, 60, 0, null, 12.0));
        assertThat(SpoolRecordCodec.decode(SpoolRecordCodec.encode(rs))).isEqualTo(rs);
    }
}
