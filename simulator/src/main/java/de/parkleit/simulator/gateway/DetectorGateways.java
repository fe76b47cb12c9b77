package de.parkleit.simulator.gateway;

import de.parkleit.core.reading.TrafficReading;
import de.parkleit.simulator.profile.Mix;
import de.parkleit.simulator.profile.TrafficModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Loop detectors on the approach roads, one reading per detector and interval from
 * {@link TrafficModel}: the weekly shape of the real Münster counts, Greenshields speed, occupancy
 * from flow and speed. Real counts come from the Münster replay.
 */
public final class DetectorGateways {

    private final List<String> detectors;
    private final TrafficModel model;
    private final SplittableRandom random;

    public DetectorGateways(List<String> detectors, TrafficModel model, long seed) {
        this.detectors = List.copyOf(detectors);
        this.model = model;
        this.random = new SplittableRandom(Mix.of(seed, "detectors", 0));
    }

    public List<TrafficReading> readingsAt(Instant now, int intervalS) {
        List<TrafficReading> out = new ArrayList<>(detectors.size());
        for (String d : detectors) {
            out.add(model.reading(d, now, intervalS, random));
        }
        return out;
    }

    public List<String> ids() {
        return detectors;
    }
}
