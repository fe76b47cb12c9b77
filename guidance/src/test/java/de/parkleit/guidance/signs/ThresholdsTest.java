package de.parkleit.guidance.signs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final Thresholds t = Thresholds.DEFAULT;

    private List<OccupancyLevel> run(double... occupancies) {
        List<OccupancyLevel> out = new ArrayList<>();
        OccupancyLevel level = null;
        for (double o : occupancies) {
            level = t.next(level, o);
            out.add(level);
        }
        return out;
    }

    @Test
    void risesAtTheRisingThresholdsAndFallsOnlyBelowTheFallingOnes() {
        assertThat(run(50, 84.9, 85, 94.9, 95, 91, 90, 89.9, 81, 80, 79.9)).containsExactly(
                OccupancyLevel.FREE, OccupancyLevel.FREE, OccupancyLevel.ALMOST_FULL, OccupancyLevel.ALMOST_FULL,
                OccupancyLevel.FULL, OccupancyLevel.FULL, OccupancyLevel.FULL, OccupancyLevel.ALMOST_FULL,
                OccupancyLevel.ALMOST_FULL, OccupancyLevel.ALMOST_FULL, OccupancyLevel.FREE);
    }

    @Test
    void occupancyHoveringAroundAThresholdChangesTheLevelOnce() {
        double[] hover = new double[40];
        for (int i = 0; i < hover.length; i++) {
            hover[i] = i % 2 == 0 ? 94.6 : 95.4;
        }
        List<OccupancyLevel> levels = run(hover);
        long changes = 0;
        for (int i = 1; i < levels.size(); i++) {
            changes += levels.get(i) != levels.get(i - 1) ? 1 : 0;
        }
        assertThat(changes).isEqualTo(1);
        assertThat(levels.get(levels.size() - 1)).isEqualTo(OccupancyLevel.FULL);
    }

    @Test
    void aFreshStartUsesTheRisingThresholds() {
        assertThat(t.next(null, 92)).isEqualTo(OccupancyLevel.ALMOST_FULL);
        assertThat(t.next(OccupancyLevel.FULL, 92)).isEqualTo(OccupancyLevel.FULL);
        assertThat(t.explain(OccupancyLevel.ALMOST_FULL, OccupancyLevel.FULL)).isEqualTo("rose to >= 95 %");
        assertThat(t.explain(OccupancyLevel.FULL, OccupancyLevel.ALMOST_FULL)).isEqualTo("fell below 90 %");
    }

    @Test
    void rejectsThresholdsWithoutHysteresis() {
        assertThatThrownBy(() -> new Thresholds(85, 85, 95, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(85, 80, 95, 96)).isInstanceOf(IllegalArgumentException.class);
    }
}
