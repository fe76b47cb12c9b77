package de.parkleit.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only spool of records in numbered segment files ({@code 000000000001.seg}, ...). Each
 * record is framed as length, CRC-32 and bytes; {@link #append} returns after fsync. A cursor file
 * remembers how far replay got; fully replayed segments are deleted. A torn record at the end of the
 * last segment (crash during append) is cut off when the spool is opened. Thread-safe.
 */
public final class DiskSpool implements AutoCloseable {

    /** A record read for replay; pass it to {@link #commit} once it is safely elsewhere. */
    public record Entry(long segment, long offset, byte[] payload, long next) {
    }

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    static final long DISK_RESERVE_BYTES = 64L << 20;
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 256 << 20;

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Long> sizes = new TreeMap<>();
    private FileChannel active;
    private long activeSegment;
    private long cursorSegment;
    private long cursorOffset;
    private long skippedBytes;

    private DiskSpool(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (and recovers) the spool in {@code dir}, creating it if needed. */
    public static DiskSpool open(Path dir, long maxBytes, long segmentBytes) {
        DiskSpool s = new DiskSpool(dir, maxBytes, segmentBytes);
        try {
            s.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spool " + dir + ": " + e.getMessage(), e);
        }
        return s;
    }

    private void recover() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("\\d{12}\\.seg"))
                    .forEach(p -> sizes.put(Long.parseLong(p.getFileName().toString().substring(0, 12)), size(p)));
        }
        readCursor();
        if (sizes.isEmpty()) {
            sizes.put(Math.max(1, cursorSegment), 0L);
        }
        if (cursorSegment < sizes.firstKey() || cursorSegment > sizes.lastKey()) {
            cursorSegment = sizes.firstKey();
            cursorOffset = 0;
        }
        activeSegment = sizes.lastKey();
        long validEnd = scanValidEnd(activeSegment, cursorSegment == activeSegment ? cursorOffset : 0);
        active = FileChannel.open(segmentPath(activeSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (validEnd < active.size()) {
            active.truncate(validEnd);
            active.force(true);
        }
        active.position(validEnd);
        sizes.put(activeSegment, validEnd);
        if (cursorSegment == activeSegment && cursorOffset > validEnd) {
            cursorOffset = validEnd;
        }
    }

    private long scanValidEnd(long segment, long from) throws IOException {
        Path p = segmentPath(segment);
        if (!Files.exists(p)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long pos = from;
            while (true) {
                byte[] payload = readAt(ch, pos);
                if (payload == null) {
                    return pos;
                }
                pos += HEADER + payload.length;
            }
        }
    }

    /** The record at {@code pos}, or null if there is none or it is torn or corrupt. */
    private static byte[] readAt(FileChannel ch, long pos) throws IOException {
        long size = ch.size();
        if (pos + HEADER > size) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        readFully(ch, head, pos);
        int len = head.getInt(0);
        int crc = head.getInt(4);
        if (len < 0 || len > MAX_RECORD || pos + HEADER + len > size) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(ch, body, pos + HEADER);
        CRC32 c = new CRC32();
        c.update(body.array());
        return (int) c.getValue() == crc ? body.array() : null;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of spool segment");
            }
        }
    }

    /** Appends one record and forces it to disk; throws {@link SpoolFullException} when over the limit. */
    public synchronized void append(byte[] payload) {
        long needed = HEADER + payload.length;
        if (pendingBytes() + needed > maxBytes) {
            throw new SpoolFullException("spool " + dir + " reached its limit of " + (maxBytes >> 20) + " MiB");
        }
        try {
            if (dir.toFile().getUsableSpace() < DISK_RESERVE_BYTES + needed) {
                throw new SpoolFullException("disk of spool " + dir + " is nearly full");
            }
            if (sizes.get(activeSegment) > 0 && sizes.get(activeSegment) + needed > segmentBytes) {
                roll();
            }
            CRC32 c = new CRC32();
            c.update(payload);
            ByteBuffer b = ByteBuffer.allocate((int) needed);
            b.putInt(payload.length).putInt((int) c.getValue()).put(payload).flip();
            while (b.hasRemaining()) {
                active.write(b);
            }
            active.force(false);
            sizes.put(activeSegment, sizes.get(activeSegment) + needed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to spool " + dir + ": " + e.getMessage(), e);
        }
    }

    private void roll() throws IOException {
        active.force(true);
        active.close();
        activeSegment++;
        active = FileChannel.open(segmentPath(activeSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        sizes.put(activeSegment, 0L);
    }

    /**
     * The oldest records not yet committed, in order: at most {@code maxRecords}, and no more once
     * {@code maxBytes} of payload are reached (at least one record if there is one). Moves nothing.
     */
    public synchronized List<Entry> peek(int maxRecords, long maxBytes) {
        List<Entry> out = new ArrayList<>();
        Optional<Entry> first = peek();
        if (first.isEmpty()) {
            return out;
        }
        out.add(first.get());
        long seg = first.get().segment();
        long off = first.get().next();
        long bytes = first.get().payload().length;
        try {
            FileChannel ch = null;
            long chSeg = -1;
            try {
                while (out.size() < maxRecords && bytes < maxBytes) {
                    if (off >= sizes.getOrDefault(seg, 0L)) {
                        Long next = sizes.higherKey(seg);
                        if (next == null) {
                            break;
                        }
                        seg = next;
                        off = 0;
                        continue;
                    }
                    if (chSeg != seg) {
                        if (ch != null) {
                            ch.close();
                        }
                        ch = FileChannel.open(segmentPath(seg), StandardOpenOption.READ);
                        chSeg = seg;
                    }
                    byte[] payload = readAt(ch, off);
                    if (payload == null) {
                        break;
                    }
                    out.add(new Entry(seg, off, payload, off + HEADER + payload.length));
                    off += HEADER + payload.length;
                    bytes += payload.length;
                }
            } finally {
                if (ch != null) {
                    ch.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spool " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The oldest record not yet committed, if any. */
    public synchronized Optional<Entry> peek() {
        try {
            while (true) {
                long size = sizes.getOrDefault(cursorSegment, 0L);
                if (cursorOffset < size) {
                    try (FileChannel ch = FileChannel.open(segmentPath(cursorSegment), StandardOpenOption.READ)) {
                        byte[] payload = readAt(ch, cursorOffset);
                        if (payload != null) {
                            return Optional.of(new Entry(cursorSegment, cursorOffset, payload, cursorOffset + HEADER + payload.length));
                        }
                    }
                    // a corrupt record: the rest of this segment cannot be framed any more
                    skippedBytes += size - cursorOffset;
                    if (cursorSegment >= activeSegment) {
                        cursorOffset = size;
                        return Optional.empty();
                    }
                }
                if (cursorSegment >= activeSegment) {
                    return Optional.empty();
                }
                advanceSegment();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spool " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Marks {@code e} as replayed; deletes segments that are fully replayed. */
    public synchronized void commit(Entry e) {
        commit(List.of(e));
    }

    /** Marks entries (in the order {@link #peek(int, long)} gave them) as replayed; writes the cursor once. */
    public synchronized void commit(List<Entry> entries) {
        try {
            for (Entry e : entries) {
                if (e.segment() > cursorSegment && cursorOffset >= sizes.getOrDefault(cursorSegment, 0L)) {
                    advanceSegment();
                }
                if (e.segment() != cursorSegment || e.offset() != cursorOffset) {
                    throw new IllegalStateException("commit out of order: " + e.segment() + "/" + e.offset()
                            + " but cursor at " + cursorSegment + "/" + cursorOffset);
                }
                cursorOffset = e.next();
                if (cursorOffset >= sizes.get(cursorSegment) && cursorSegment < activeSegment) {
                    advanceSegment();
                }
            }
            writeCursor();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot update spool cursor in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    private void advanceSegment() throws IOException {
        Files.deleteIfExists(segmentPath(cursorSegment));
        sizes.remove(cursorSegment);
        cursorSegment = sizes.isEmpty() ? activeSegment : sizes.firstKey();
        cursorOffset = 0;
    }

    public synchronized boolean isEmpty() {
        return pendingBytes() == 0;
    }

    /** Bytes appended but not yet replayed. */
    public synchronized long pendingBytes() {
        long total = 0;
        for (var e : sizes.tailMap(cursorSegment, true).entrySet()) {
            total += e.getValue();
        }
        return total - cursorOffset;
    }

    /** Bytes given up because a segment was corrupt (disk damage; never expected). */
    public synchronized long skippedBytes() {
        return skippedBytes;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        try {
            active.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readCursor() throws IOException {
        Path c = dir.resolve("cursor");
        if (!Files.exists(c)) {
            cursorSegment = sizes.isEmpty() ? 1 : sizes.firstKey();
            cursorOffset = 0;
            return;
        }
        String[] parts = Files.readString(c, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            cursorSegment = Long.parseLong(parts[0]);
            cursorOffset = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            throw new IOException("unreadable spool cursor " + c + ": delete it to replay the whole spool", e);
        }
    }

    private void writeCursor() throws IOException {
        Path tmp = dir.resolve("cursor.tmp");
        Files.writeString(tmp, cursorSegment + " " + cursorOffset + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("cursor"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path segmentPath(long segment) {
        return dir.resolve(String.format("%012d.seg", segment));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segment numbers present (for tests and diagnostics). */
    public synchronized List<Long> segments() {
        return new ArrayList<>(sizes.keySet());
    }
}
