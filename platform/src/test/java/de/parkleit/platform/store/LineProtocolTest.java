package de.parkleit.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final Instant TS = Instant.parse("2026-11-26T12:00:00.123456789Z");

    private static String line(Reading r) {
        StringBuilder sb = new StringBuilder();
        LineProtocol.append(sb, r);
        return sb.toString();
    }

    @Test
    void encodesOccupancyWithMicrosecondTimestampAndOptionalFields() {
        assertThat(line(new OccupancyReading("P1", TS, 12, 400, FacilityStatus.OPEN)))
                .isEqualTo("parking_occupancy,facility=P1 free=12i,capacity=400i,status=\"open\" 1795694400123456\n");
        assertThat(line(new OccupancyReading("P1", TS, 12, null, null)))
                .isEqualTo("parking_occupancy,facility=P1 free=12i 1795694400123456\n");
    }

    @Test
    void encodesCountsSpacesAndTraffic() {
        assertThat(line(new CountsReading("P1", TS, 3, 1, 77)))
                .isEqualTo("parking_counts,facility=P1 entered=3i,exited=1i,seq=77i 1795694400123456\n");
        assertThat(line(new SpaceReading("P1", "S-4", TS, true)))
                .isEqualTo("space_occupancy,facility=P1,space=S-4 occupied=t 1795694400123456\n");
        assertThat(line(new TrafficReading("D_1", TS, 60, 14, 31.5, null)))
                .isEqualTo("traffic,detector=D_1 interval_s=60i,count=14i,speed_kmh=31.5 1795694400123456\n");
    }

    @Test
    void dropsNonFiniteOptionalFieldsInsteadOfWritingInvalidLines() {
        assertThat(line(new TrafficReading("D", TS, 60, 1, Double.NaN, Double.POSITIVE_INFINITY)))
                .isEqualTo("traffic,detector=D interval_s=60i,count=1i 1795694400123456\n");
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaksInStringFields() {
        StringBuilder sb = new StringBuilder();
        LineProtocol.string(sb, "a\"b\\c\nd");
        assertThat(sb).hasToString("\"a\\\"b\\\\c d\"");
    }
}
