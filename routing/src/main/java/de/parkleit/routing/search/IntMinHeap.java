package de.parkleit.routing.search;

import java.util.Arrays;

/** An indexed binary min-heap of node ids keyed by {@code int}, with decrease-key. */
final class IntMinHeap {

    private final int[] nodes;
    private final int[] keys;
    /** Heap position + 1 per node, 0 when not in the heap. */
    private final int[] position;
    private int size;

    IntMinHeap(int capacity) {
        nodes = new int[capacity + 1];
        keys = new int[capacity + 1];
        position = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int peekKey() {
        return keys[1];
    }

    boolean contains(int node) {
        return position[node] != 0;
    }

    /** Inserts {@code node} or lowers its key; a higher key is ignored. */
    void offer(int node, int key) {
        int pos = position[node];
        if (pos == 0) {
            size++;
            nodes[size] = node;
            keys[size] = key;
            position[node] = size;
            siftUp(size);
        } else if (key < keys[pos]) {
            keys[pos] = key;
            siftUp(pos);
        }
    }

    int poll() {
        int top = nodes[1];
        position[top] = 0;
        int lastNode = nodes[size];
        int lastKey = keys[size];
        size--;
        if (size > 0) {
            nodes[1] = lastNode;
            keys[1] = lastKey;
            position[lastNode] = 1;
            siftDown(1);
        }
        return top;
    }

    void clear() {
        for (int i = 1; i <= size; i++) {
            position[nodes[i]] = 0;
        }
        size = 0;
    }

    private void siftUp(int pos) {
        int node = nodes[pos];
        int key = keys[pos];
        while (pos > 1) {
            int parent = pos >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            nodes[pos] = nodes[parent];
            keys[pos] = keys[parent];
            position[nodes[pos]] = pos;
            pos = parent;
        }
        nodes[pos] = node;
        keys[pos] = key;
        position[node] = pos;
    }

    private void siftDown(int pos) {
        int node = nodes[pos];
        int key = keys[pos];
        int half = size >>> 1;
        while (pos <= half) {
            int child = pos << 1;
            if (child < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            nodes[pos] = nodes[child];
            keys[pos] = keys[child];
            position[nodes[pos]] = pos;
            pos = child;
        }
        nodes[pos] = node;
        keys[pos] = key;
        position[node] = pos;
    }

    @Override
    public String toString() {
        return "IntMinHeap" + Arrays.toString(Arrays.copyOfRange(nodes, 1, size + 1));
    }
}
