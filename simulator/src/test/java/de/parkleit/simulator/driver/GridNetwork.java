package de.parkleit.simulator.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A small synthetic road network for tests: an n x n grid of two-way streets, {@code spacing}
 * metres apart, at 30 km/h, with one street closed (a barrier) so routes are not straight lines.
 * Points snap to the nearest junction; routes are Dijkstra shortest times.
 */
final class GridNetwork implements TravelTimes {

    private final Position origin;
    private final int n;
    private final double spacing;
    private final double mps = 30 / 3.6;
    private final double snapMeters;
    int queries;

    GridNetwork(Position southWest, int n, double spacing) {
        this.origin = southWest;
        this.n = n;
        this.spacing = spacing;
        this.snapMeters = spacing * 1.5;
    }

    Position node(int i, int j) {
        return origin.offset(i * spacing, 0).offset(j * spacing, Math.PI / 2);
    }

    private int snap(Position p) {
        int best = -1;
        double bestM = snapMeters;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double m = node(i, j).metersTo(p);
                if (m < bestM) {
                    bestM = m;
                    best = i * n + j;
                }
            }
        }
        return best;
    }

    /** The street between (n/2, j) and (n/2 + 1, j) is closed for j < n - 2. */
    private boolean closed(int a, int b) {
        int ia = a / n;
        int ib = b / n;
        int ja = a % n;
        return ja == b % n && Math.min(ia, ib) == n / 2 && Math.abs(ia - ib) == 1 && ja < n - 2;
    }

    @Override
    public Optional<Drive> route(Position from, Position to) {
        queries++;
        int s = snap(from);
        int t = snap(to);
        if (s < 0 || t < 0) {
            return Optional.empty();
        }
        double[] dist = new double[n * n];
        int[] prev = new int[n * n];
        Arrays.fill(dist, Double.MAX_VALUE);
        Arrays.fill(prev, -1);
        dist[s] = 0;
        PriorityQueue<double[]> pq = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        pq.add(new double[]{0, s});
        while (!pq.isEmpty()) {
            double[] top = pq.poll();
            int u = (int) top[1];
            if (top[0] > dist[u]) {
                continue;
            }
            if (u == t) {
                break;
            }
            int ui = u / n;
            int uj = u % n;
            int[][] nb = {{ui + 1, uj}, {ui - 1, uj}, {ui, uj + 1}, {ui, uj - 1}};
            for (int[] v : nb) {
                if (v[0] < 0 || v[1] < 0 || v[0] >= n || v[1] >= n) {
                    continue;
                }
                int w = v[0] * n + v[1];
                if (closed(u, w)) {
                    continue;
                }
                double d = dist[u] + spacing;
                if (d < dist[w]) {
                    dist[w] = d;
                    prev[w] = u;
                    pq.add(new double[]{d, w});
                }
            }
        }
        if (dist[t] == Double.MAX_VALUE) {
            return Optional.empty();
        }
        List<Position> pts = new ArrayList<>();
        for (int v = t; v >= 0; v = prev[v]) {
            pts.add(node(v / n, v % n));
        }
        Collections.reverse(pts);
        if (pts.size() == 1) {
            pts.add(pts.get(0));
        }
        return Optional.of(new Drive(dist[t], dist[t] / mps, pts));
    }
}
