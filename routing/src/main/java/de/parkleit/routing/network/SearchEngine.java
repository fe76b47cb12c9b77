package de.parkleit.routing.network;

import de.parkleit.routing.graph.EdgeWeights;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.routing.graph.Snap;
import de.parkleit.routing.search.CchMetric;
import de.parkleit.routing.search.CchSearch;
import de.parkleit.routing.search.CchTopology;
import de.parkleit.routing.search.Dijkstra;
import de.parkleit.routing.search.EdgePath;
import de.parkleit.routing.search.OneToMany;
import java.util.List;
import java.util.Optional;

/**
 * Runs searches for a {@link RoadNetwork}: over a customizable contraction hierarchy when it has
 * one (customized per weights version), else with Dijkstra. Both give the same optimum.
 */
final class SearchEngine {

    /** A weights version ready for searching: the weights and, with a hierarchy, their customization. */
    record Metric(EdgeWeights weights, CchMetric hierarchy) {
    }

    private final Dijkstra dijkstra;
    private final OneToMany oneToMany;
    private final CchTopology topology;
    private final CchSearch cch;

    SearchEngine(RoadGraph graph, boolean hierarchy) {
        this.dijkstra = new Dijkstra(graph);
        this.oneToMany = new OneToMany(graph);
        this.topology = hierarchy ? new CchTopology(graph) : null;
        this.cch = hierarchy ? new CchSearch(topology) : null;
    }

    boolean hasHierarchy() {
        return topology != null;
    }

    CchTopology topology() {
        return topology;
    }

    Metric prepare(EdgeWeights weights) {
        return new Metric(weights, topology == null ? null : new CchMetric(topology, weights));
    }

    Optional<EdgePath> route(Metric m, Snap from, Snap to) {
        return m.hierarchy() != null ? cch.route(m.hierarchy(), from, to) : dijkstra.route(m.weights(), from, to);
    }

    EdgePath[] oneToMany(Metric m, Snap from, List<Snap> targets, long maxWeight) {
        return m.hierarchy() != null ? cch.oneToMany(m.hierarchy(), from, targets, maxWeight)
                : oneToMany.search(m.weights(), from, targets, maxWeight);
    }
}
