package de.parkleit.bench.guidance;

/** A growable array of latencies in nanoseconds; thread-safe. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized Stats stats(String name) {
        return Stats.of(name, values, size);
    }

    synchronized int size() {
        return size;
    }

    synchronized void forEach(java.util.function.LongConsumer c) {
        for (int i = 0; i < size; i++) {
            c.accept(values[i]);
        }
    }
}
