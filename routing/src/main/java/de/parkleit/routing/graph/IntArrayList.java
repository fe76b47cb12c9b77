package de.parkleit.routing.graph;

import java.util.Arrays;

/** A growable list of {@code int} without boxing. */
public final class IntArrayList {

    private int[] values;
    private int size;

    public IntArrayList() {
        this(16);
    }

    public IntArrayList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return values[i];
    }

    public void set(int i, int v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        values[i] = v;
    }

    /** Removes and returns the last value. */
    public int removeLast() {
        if (size == 0) {
            throw new IndexOutOfBoundsException("empty");
        }
        return values[--size];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
