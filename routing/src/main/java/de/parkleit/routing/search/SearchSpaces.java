package de.parkleit.routing.search;

import java.util.concurrent.ConcurrentLinkedDeque;

/** A pool of {@link SearchSpace}s for one graph, so concurrent searches never share state. */
final class SearchSpaces {

    private final int nodes;
    private final ConcurrentLinkedDeque<SearchSpace> idle = new ConcurrentLinkedDeque<>();

    SearchSpaces(int nodes) {
        this.nodes = nodes;
    }

    SearchSpace acquire() {
        SearchSpace s = idle.pollFirst();
        return s != null ? s : new SearchSpace(nodes);
    }

    void release(SearchSpace s) {
        idle.offerFirst(s);
    }
}
