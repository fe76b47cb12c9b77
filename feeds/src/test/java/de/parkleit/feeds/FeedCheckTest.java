package de.parkleit.feeds;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCheckTest {

    @Test
    void printsSitesAndEveryProblemOfTheHeidelbergRecording() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Path f = Path.of(getClass().getResource("/feeds/heidelberg.json").toURI());
        int rc = FeedCheck.run(FeedFormat.NGSI, null, f, 10_000_000,
                Clock.fixed(Instant.parse("2024-06-08T13:30:00Z"), ZoneOffset.UTC), new PrintStream(b, true, StandardCharsets.UTF_8));
        String out = b.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(1);
        assertThat(out).contains("25 sites", "urn:ngsiv2:OffStreetParking:P01", "P1 Poststrasse", "528", "143",
                "PROBLEM negative [urn:ngsiv2:OffStreetParking:P23]", "PROBLEM missing_field [urn:ngsiv2:OffStreetParking:P19]");
    }

    @Test
    void htmlIsUnreadable() throws Exception {
        Path f = java.nio.file.Files.createTempFile("err", ".xml");
        java.nio.file.Files.writeString(f, "<html><body>502</body></html>");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertThat(FeedCheck.run(FeedFormat.DATEX2, null, f, 1000, Clock.systemUTC(), new PrintStream(b))).isEqualTo(2);
        assertThat(b.toString()).contains("UNREADABLE (wrong_format)");
    }
}
