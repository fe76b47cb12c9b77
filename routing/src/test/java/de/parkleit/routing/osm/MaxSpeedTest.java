package de.parkleit.routing.osm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxSpeedTest {

    @Test
    void parsesNumbersUnitsAndGermanImplicitLimits() {
        assertThat(MaxSpeed.parse("50")).isEqualTo(50.0);
        assertThat(MaxSpeed.parse("30 mph")).isCloseTo(48.28, org.assertj.core.data.Offset.offset(0.01));
        assertThat(MaxSpeed.parse("DE:urban")).isEqualTo(50.0);
        assertThat(MaxSpeed.parse("DE:rural")).isEqualTo(100.0);
        assertThat(MaxSpeed.parse("DE:zone30")).isEqualTo(30.0);
        assertThat(MaxSpeed.parse("DE:zone:20")).isEqualTo(20.0);
        assertThat(MaxSpeed.parse("DE:living_street")).isEqualTo(MaxSpeed.WALK_KMH);
        assertThat(MaxSpeed.parse("walk")).isEqualTo(MaxSpeed.WALK_KMH);
        assertThat(MaxSpeed.parse("none")).isEqualTo(MaxSpeed.NO_LIMIT_KMH);
        assertThat(MaxSpeed.parse("50;30")).isEqualTo(50.0);
        assertThat(MaxSpeed.parse("signals")).isNaN();
        assertThat(MaxSpeed.parse("fast")).isNaN();
        assertThat(MaxSpeed.parse(null)).isNaN();
    }
}
