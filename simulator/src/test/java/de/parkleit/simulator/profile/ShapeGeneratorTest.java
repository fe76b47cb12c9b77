package de.parkleit.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ShapeGeneratorTest {

    @Test
    void bundledShapesAreExactlyWhatTheGeneratorMakesFromTheMuensterData() throws Exception {
        String regenerated = ShapeGenerator.render(ShapeGenerator.generate(Path.of("../opendata/muenster")));
        String bundled;
        try (InputStream in = OccupancyShapes.class.getResourceAsStream(OccupancyShapes.RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(regenerated)
                .as("regenerate with the command in ShapeGenerator's javadoc")
                .isEqualTo(bundled);
    }

    @Test
    void samplesAreTheCleanedSharesInLocalTimeBeforeOctober() {
        java.time.ZoneId zone = de.parkleit.prediction.MuensterHistory.ZONE;
        var series = de.parkleit.prediction.OccupancySeries.builder("x", 200, zone)
                .add(LocalDateTime.of(2024, 9, 30, 23, 55).atZone(zone).toInstant(), 50)
                .add(LocalDateTime.of(2024, 10, 1, 0, 0).atZone(zone).toInstant(), 20)
                .build();
        assertThat(ShapeGenerator.samples(series))
                .containsExactly(new ShapeGenerator.Sample(LocalDateTime.of(2024, 9, 30, 23, 55), 0.75));
    }

    @Test
    void interpolatesSlotsWithoutSamplesAcrossTheWeekBoundary() {
        double[] w = new double[OccupancyShapes.SLOTS_PER_WEEK];
        java.util.Arrays.fill(w, Double.NaN);
        w[0] = 0.2;
        w[OccupancyShapes.SLOTS_PER_WEEK - 2] = 0.4;
        double[] filled = ShapeGenerator.interpolateGaps(w);
        assertThat(filled[OccupancyShapes.SLOTS_PER_WEEK - 1]).isEqualTo(0.3);
        assertThat(filled[1]).isBetween(0.2, 0.4);
    }
}
