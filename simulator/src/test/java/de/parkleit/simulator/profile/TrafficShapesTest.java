package de.parkleit.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.parkleit.core.reading.TrafficReading;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficShapesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void bundledShapeIsExactlyWhatTheGeneratorMakesFromTheMuensterCounts() throws Exception {
        String regenerated = TrafficShapeGenerator.render(TrafficShapeGenerator.generate(Path.of("../opendata/muenster")));
        String bundled;
        try (InputStream in = TrafficShapes.class.getResourceAsStream(TrafficShapes.RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(regenerated).as("regenerate with the command in TrafficShapeGenerator's javadoc").isEqualTo(bundled);
    }

    @Test
    void weekdaysHaveTwoRushHoursAndSundayMorningsAreQuiet() {
        TrafficShapes s = TrafficShapes.bundled();
        for (int day = 1; day <= 5; day++) {
            assertThat(s.at(day, 7)).as("weekday %d 07-08", day).isGreaterThan(3 * s.at(day, 4));
            assertThat(s.at(day, 16)).as("weekday %d 16-17", day).isGreaterThan(s.at(day, 10));
        }
        assertThat(s.at(7, 8)).isLessThan(s.at(1, 8) / 4);
        assertThat(s.at(6, 12)).isGreaterThan(s.at(6, 7) * 2);
    }

    @Test
    void interpolatesBetweenHourMiddlesAndWrapsTheWeek() {
        TrafficShapes s = TrafficShapes.bundled();
        assertThat(s.share(LocalDateTime.of(2026, 11, 23, 7, 30))).isCloseTo(s.at(1, 7), within(1e-9));
        assertThat(s.share(LocalDateTime.of(2026, 11, 23, 8, 0))).isCloseTo((s.at(1, 7) + s.at(1, 8)) / 2, within(1e-9));
        assertThat(s.share(LocalDateTime.of(2026, 11, 23, 0, 0))).isCloseTo((s.at(7, 23) + s.at(1, 0)) / 2, within(1e-9));
    }

    @Test
    void speedFallsWithFlowAndOccupancyGivesTheSpeedBackWithTheRoutingVehicleLength() {
        assertThat(TrafficModel.speedAt(0)).isEqualTo(TrafficModel.FREE_SPEED_KMH);
        assertThat(TrafficModel.speedAt(TrafficModel.LANE_CAPACITY)).isEqualTo(TrafficModel.FREE_SPEED_KMH / 2);
        assertThat(TrafficModel.speedAt(600)).isLessThan(TrafficModel.speedAt(300));
        double q = 700;
        double v = TrafficModel.speedAt(q);
        double occ = TrafficModel.occupancy(q, v);
        // routing's CongestionModel: density = occupancy / effective length, speed = flow / density
        double density = occ / 100 * 1000 / TrafficModel.EFFECTIVE_LENGTH_M;
        assertThat(q / density).isCloseTo(v, within(1e-6));
    }

    @Test
    void readingsScatterAroundTheExpectationAndAreSlowerInTheRush() {
        TrafficModel m = new TrafficModel(TrafficShapes.bundled(), BERLIN, 1);
        SplittableRandom random = new SplittableRandom(3);
        Instant rush = Instant.parse("2026-11-26T06:30:00Z");
        Instant night = Instant.parse("2026-11-26T02:30:00Z");
        double rushCount = 0;
        double rushSpeed = 0;
        double nightSpeed = 0;
        for (int i = 0; i < 200; i++) {
            TrafficReading r = m.reading("hd-d01-speyerer", rush, 300, random);
            rushCount += r.count();
            rushSpeed += r.speedKmh();
            nightSpeed += m.reading("hd-d01-speyerer", night, 300, random).speedKmh();
        }
        double expected = m.expected("hd-d01-speyerer", rush).vehiclesPerHour() * 300 / 3600;
        assertThat(rushCount / 200).isCloseTo(expected, within(expected * 0.05));
        assertThat(rushSpeed / 200).isLessThan(nightSpeed / 200 - 5);
    }
}
