package de.parkleit.feeds;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.feeds.datex2.Datex2Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input: every case is a reason-tagged rejection, never a crash, never a reading. */
class HostileFeedTest {

    private static final Instant NOW = Instant.parse("2025-02-07T19:10:00Z");

    private static FeedFormatException fails(FeedFormat f, byte[] body) {
        try {
            f.parser().parse(new CappedInputStream(new ByteArrayInputStream(body), 1_000_000));
        } catch (FeedFormatException e) {
            return e;
        }
        throw new AssertionError("expected a rejection");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void truncatedRealPayloadIsMalformed(FeedFormat f) {
        byte[] full = Fixtures.bytes(switch (f) {
            case DATEX2 -> "aachen-realtime.xml";
            case NGSI -> "heidelberg.json";
            case PARKAPI3 -> "parkapi-v3-parking-sites.json";
        });
        assertThat(fails(f, Arrays.copyOf(full, full.length / 2)).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void htmlErrorPageIsRejected(FeedFormat f) {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>";
        assertThat(fails(f, b(html)).reason()).isIn(Reasons.MALFORMED, Reasons.DTD, Reasons.WRONG_FORMAT);
        String plain = "<html><body><h1>Wartung</h1><br></body></html>";
        assertThat(fails(f, b(plain)).reason()).isIn(Reasons.MALFORMED, Reasons.WRONG_FORMAT);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void tooLargeIsCapped(FeedFormat f) {
        byte[] full = Fixtures.bytes(f == FeedFormat.DATEX2 ? "aachen-realtime.xml" : "heidelberg.json");
        try {
            f.parser().parse(new CappedInputStream(new ByteArrayInputStream(full), 4096));
            throw new AssertionError("expected a rejection");
        } catch (FeedFormatException e) {
            assertThat(e.reason()).isEqualTo(Reasons.TOO_LARGE);
        }
    }

    @Test
    void billionLaughsIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE d2LogicalModel [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0"><x>&lol4;</x></d2LogicalModel>
                """;
        assertThat(fails(FeedFormat.DATEX2, b(bomb)).reason()).isEqualTo(Reasons.DTD);
    }

    @Test
    void externalEntityIsRefused() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".txt");
        java.nio.file.Files.writeString(secret, "42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d2LogicalModel [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"><parkingRecordStatus>"
                + "<parkingRecordReference id=\"P1\"/><parkingStatusOriginTime>2025-02-07T19:05:34Z</parkingStatusOriginTime>"
                + "<parkingNumberOfVacantSpaces>&x;</parkingNumberOfVacantSpaces></parkingRecordStatus></d2LogicalModel>";
        assertThat(fails(FeedFormat.DATEX2, b(xxe)).reason()).isEqualTo(Reasons.DTD);
    }

    @Test
    void malformedJsonAndXml() {
        assertThat(fails(FeedFormat.NGSI, b("[{\"id\": \"a\", }]")).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fails(FeedFormat.PARKAPI3, b("{\"items\": [1,]")).reason()).isIn(Reasons.MALFORMED, Reasons.WRONG_FORMAT);
        assertThat(fails(FeedFormat.DATEX2, b("<d2LogicalModel><a></b></d2LogicalModel>")).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fails(FeedFormat.NGSI, b("")).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fails(FeedFormat.DATEX2, b("")).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fails(FeedFormat.PARKAPI3, b("[]")).reason()).isEqualTo(Reasons.WRONG_FORMAT);
    }

    private static FeedSite site(String id, Integer free, Integer cap, Instant ts) {
        return new FeedSite(id, null, cap, free, FacilityStatus.OPEN, ts, null, null);
    }

    @Test
    void badValuesAreRejectedWithTheirReasonAndGoodOnesGoOn() {
        FeedReadings r = new FeedReadings(Map.of("P1", "p1", "P2", "p2", "P3", "p3", "P4", "p4", "P5", "p5"), false, Duration.ofMinutes(5));
        Instant t = NOW.minusSeconds(60);
        FeedReadings.Result res = r.apply(new FeedSnapshot(List.of(
                site("P1", 600, 560, t),                       // free > capacity
                site("P2", -3, 497, t),                        // negative
                site("P3", 10, 100, NOW.plus(Duration.ofHours(2))), // clock in the future
                site("P9", 10, 100, t),                        // unknown id
                site("P4", null, 100, t),                      // no free count
                site("P5", 40, 100, t)), List.of()), NOW);
        assertThat(res.rejects()).extracting(FeedProblem::reason).containsExactly(
                Reasons.FREE_ABOVE_CAPACITY, Reasons.NEGATIVE, Reasons.FUTURE_TIME, Reasons.UNKNOWN_ID, Reasons.MISSING_FIELD);
        assertThat(res.readings()).singleElement().satisfies(o -> {
            assertThat(o.facilityId()).isEqualTo("p5");
            assertThat(o.free()).isEqualTo(40);
            assertThat(o.ts()).isEqualTo(t);
        });
    }

    @Test
    void unchangedStatusIsNotResentAndAnOlderOneIsIgnored() throws Exception {
        FeedReadings r = new FeedReadings(Map.of(), true, Duration.ofMinutes(5));
        FeedSnapshot snap = new Datex2Parser().parse(new ByteArrayInputStream(Fixtures.bytes("aachen-realtime.xml")));
        FeedReadings.Result first = r.apply(snap, NOW);
        assertThat(first.readings()).hasSize(snap.sites().size());
        FeedReadings.Result again = r.apply(snap, NOW.plusSeconds(60));
        assertThat(again.readings()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(snap.sites().size());
        FeedSite p1 = snap.sites().get(0);
        FeedReadings.Result newer = r.apply(new FeedSnapshot(List.of(site(p1.sourceId(), 5, p1.capacity(),
                p1.observedAt().plusSeconds(120))), List.of()), NOW.plusSeconds(180));
        assertThat(newer.readings()).singleElement().extracting(o -> o.free()).isEqualTo(5);
    }

    @Test
    void statusWithoutReferenceIsAProblemNotACrash() throws Exception {
        String xml = "<d2LogicalModel xmlns=\"http://datex2.eu/schema/2/2_0\"><parkingRecordStatus>"
                + "<parkingNumberOfVacantSpaces>abc</parkingNumberOfVacantSpaces></parkingRecordStatus>"
                + "<parkingRecordStatus><parkingRecordReference id=\"P1\"/><parkingStatusOriginTime>2025-02-07T19:05:34Z</parkingStatusOriginTime>"
                + "<parkingNumberOfVacantSpaces>x1</parkingNumberOfVacantSpaces></parkingRecordStatus></d2LogicalModel>";
        FeedSnapshot s = new Datex2Parser().parse(xml);
        assertThat(s.sites()).isEmpty();
        assertThat(s.problems()).extracting(FeedProblem::reason).containsExactly(Reasons.MISSING_FIELD, Reasons.BAD_VALUE);
    }

    @Test
    void wrongRootIsWrongFormat() {
        assertThatThrownBy(() -> new Datex2Parser().parse("<rss><channel/></rss>"))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reasons.WRONG_FORMAT));
    }
}
