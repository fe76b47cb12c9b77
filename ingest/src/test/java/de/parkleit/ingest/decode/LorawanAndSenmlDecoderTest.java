package de.parkleit.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.topic.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LorawanAndSenmlDecoderTest {

    static final Topics T = Topics.defaults();
    static final Instant NOW = Instant.parse("2026-11-26T12:00:10Z");
    final TopicDecoder decoder;

    LorawanAndSenmlDecoderTest() throws IOException {
        DeviceMap devices = DeviceMap.parse(new StringReader(UplinkSamples.DEVICES), "test");
        NativeDecoder nat = new NativeDecoder(4096, Map.of("P1", 200)::get);
        decoder = TopicDecoder.all(T, nat, new LorawanDecoder(16384, devices, nat), new SenmlDecoder(4096, devices, nat, () -> NOW));
    }

    private List<Reading> decode(String topic, String payload) {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private RejectReason reasonOf(String topic, String payload) {
        try {
            decode(topic, payload);
        } catch (RejectedException e) {
            return e.reason();
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void decodesATheThingsStackUplinkOfASpaceSensor() {
        assertThat(decode(T.lorawanUplink("parking-sensors"), UplinkSamples.TTS_SPACE))
                .containsExactly(new SpaceReading("P1", "S7", Instant.parse("2026-11-26T12:00:01.557Z"), true));
    }

    @Test
    void decodesAChirpStackUplinkOfACounterWithTheFrameCounterAsSequence() {
        assertThat(decode(T.lorawanUplink("barrier-counters"), UplinkSamples.CHIRPSTACK_COUNTS))
                .containsExactly(new CountsReading("P1", Instant.parse("2026-11-26T12:00:02.775023242Z"), 3, 1, 77));
    }

    @Test
    void aMappedFieldNameAndNumericOrTextualSpaceValuesWork() {
        String up = UplinkSamples.TTS_SPACE.replace("0004A30B001C0530", "A84041000181C2F1")
                .replace("{\"occupied\": true, \"battery\": 3.6}", "{\"parking_status\": \"free\"}");
        assertThat(decode(T.lorawanUplink("a"), up)).extracting(r -> ((SpaceReading) r).occupied()).containsExactly(false);
        String numeric = up.replace("\"free\"", "1");
        assertThat(decode(T.lorawanUplink("a"), numeric)).extracting(r -> ((SpaceReading) r).occupied()).containsExactly(true);
    }

    @Test
    void rejectsUnknownDevicesAndUplinksWithoutDecodedValues() {
        assertThat(reasonOf(T.lorawanUplink("a"), UplinkSamples.TTS_SPACE.replace("0004A30B001C0530", "0004A30B001C9999")))
                .isEqualTo(RejectReason.UNKNOWN_DEVICE);
        assertThat(reasonOf(T.lorawanUplink("a"), UplinkSamples.CHIRPSTACK_COUNTS.replace("\"object\"", "\"objekt\"")))
                .isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(T.lorawanUplink("a"), "{\"hello\":1}")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(T.lorawanUplink("a"), UplinkSamples.TTS_SPACE.replace("\"occupied\": true", "\"occupied\": \"maybe\"")))
                .isEqualTo(RejectReason.WRONG_TYPE);
    }

    @Test
    void decodesASenmlPackWithBaseNameAndBaseTime() {
        String pack = """
                [{"bn":"parkleit:facility:P1:","bt":1795694400,"n":"free","v":42},
                 {"n":"capacity","v":200},
                 {"n":"status","vs":"open"},
                 {"bn":"parkleit:space:P1:S9:","n":"occupied","vb":true,"t":-30}]""";
        assertThat(decode(T.root() + "/senml/gw1", pack)).containsExactly(
                new OccupancyReading("P1", Instant.ofEpochSecond(1795694400), 42, 200, FacilityStatus.OPEN),
                new SpaceReading("P1", "S9", Instant.ofEpochSecond(1795694370), true));
    }

    @Test
    void senmlRelativeTimesAndMappedDevicesAndUnits() {
        String pack = """
                [{"bn":"urn:dev:mac:0024befffe804ff1:","n":"count","v":14,"t":-60},
                 {"n":"interval","u":"s","v":60,"t":-60},
                 {"n":"speed","u":"m/s","v":10,"t":-60}]""";
        assertThat(decode(T.root() + "/senml/gw1", pack))
                .containsExactly(new TrafficReading("D7", NOW.minusSeconds(60), 60, 14, 36.0, null));
    }

    @Test
    void senmlRejectsWhatItCannotMap() {
        String senml = T.root() + "/senml/gw1";
        assertThat(reasonOf(senml, "{\"n\":\"x\"}")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(senml, "[]")).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(senml, "[{\"n\":\"temperature\",\"v\":21}]")).isEqualTo(RejectReason.UNKNOWN_DEVICE);
        assertThat(reasonOf(senml, "[{\"n\":\"parkleit:facility:P1:colour\",\"v\":21}]")).isEqualTo(RejectReason.UNKNOWN_DEVICE);
        assertThat(reasonOf(senml, "[{\"n\":\"parkleit:facility:P1:free\"}]")).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(senml, "[{\"n\":\"parkleit:facility:P1:free\",\"v\":1.5,\"t\":0}]")).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonOf(senml, "[{\"n\":\"parkleit:facility:P1:free\",\"v\":1},{\"n\":\"parkleit:facility:P1:free\",\"v\":2}]"))
                .isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(senml, "[{\"bt\":1e300,\"n\":\"parkleit:facility:P1:free\",\"v\":1}]")).isEqualTo(RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void theDeviceMapNamesTheLineOfAnError() {
        assertThatThrownBy(() -> DeviceMap.parse(new StringReader("a,space,P1\n"), "devices.csv"))
                .hasMessageContaining("devices.csv line 1").hasMessageContaining("space id");
        assertThatThrownBy(() -> DeviceMap.parse(new StringReader("# x\nb,parking,P1\n"), "devices.csv"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> DeviceMap.parse(new StringReader("0004A30B001C0530,occupancy,P1\n0004a30b001c0530,occupancy,P2"), "d"))
                .hasMessageContaining("twice");
    }
}
