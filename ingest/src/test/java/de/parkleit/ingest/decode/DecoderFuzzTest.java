package de.parkleit.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.reading.Reading;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.spool.SpoolRecordCodec;
import de.parkleit.ingest.state.LiveState;
import de.parkleit.ingest.state.StateRules;
import de.parkleit.ingest.validate.ReadingValidator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes every decoder with 10,000 generated payloads each (mutated valid payloads, truncations,
 * wrong types, invalid UTF-8, oversized and random bytes): a decoder either returns readings that the
 * rest of the pipeline digests or throws {@link RejectedException}; nothing else ever escapes.
 */
class DecoderFuzzTest {

    static final Topics T = Topics.defaults();
    static final Instant NOW = Instant.parse("2026-11-26T12:00:10Z");
    static final TopicDecoder DECODER = decoder();
    static final String[] TOKENS = {"null", "true", "\"x\"", "[]", "{}", "1e999", "-1", "0", "2147483648",
            "9223372036854775808", "12.5", "\"2026-13-45T99:00:00Z\"", "[[[[[[[[", "\"\\u0000\"", "\"\\ud800\"", "-0", "NaN"};

    private static TopicDecoder decoder() {
        try {
            DeviceMap devices = DeviceMap.parse(new StringReader(UplinkSamples.DEVICES), "test");
            NativeDecoder nat = new NativeDecoder(4096, Map.of("P1", 200)::get);
            return TopicDecoder.all(T, nat, new LorawanDecoder(16384, devices, nat), new SenmlDecoder(4096, devices, nat, () -> NOW));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void decodeNeverThrowsAnythingButRejection(String topic, byte[] payload) {
        String outcome;
        try {
            List<Reading> readings = DECODER.decode(topic, payload);
            digest(readings);
            outcome = "accepted";
        } catch (RejectedException e) {
            outcome = "rejected";
            assertThat(e.reason()).isNotNull();
        }
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(c -> c.check("rejected").percentage(p -> p > 50));
    }

    /** What the pipeline does with decoded readings must not throw either (except rejections by validation). */
    private static void digest(List<Reading> readings) {
        ReadingValidator v = new ReadingValidator(Set.of("P1"), Duration.ofMinutes(5));
        LiveState live = new LiveState(Map.of("P1", 200), StateRules.defaults(Duration.ofMinutes(15), ZoneOffset.UTC));
        for (Reading r : readings) {
            try {
                v.validate(r, NOW);
            } catch (RejectedException e) {
                continue;
            }
            live.apply(r);
        }
        assertThat(SpoolRecordCodec.decode(SpoolRecordCodec.encode(readings))).isEqualTo(readings);
    }

    @Property(tries = 10_000)
    void occupancy(@ForAll("occupancyPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.occupancy("P1"), payload);
    }

    @Property(tries = 10_000)
    void counts(@ForAll("countsPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.counts("P1"), payload);
    }

    @Property(tries = 10_000)
    void space(@ForAll("spacePayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.space("P1", "S1"), payload);
    }

    @Property(tries = 10_000)
    void traffic(@ForAll("trafficPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.traffic("D1"), payload);
    }

    @Property(tries = 10_000)
    void theThingsStackUplink(@ForAll("ttsPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.lorawanUplink("app"), payload);
    }

    @Property(tries = 10_000)
    void chirpStackUplink(@ForAll("chirpstackPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.lorawanUplink("app"), payload);
    }

    @Property(tries = 10_000)
    void senml(@ForAll("senmlPayloads") byte[] payload) {
        decodeNeverThrowsAnythingButRejection(T.root() + "/senml/gw1", payload);
    }

    @Provide
    Arbitrary<byte[]> occupancyPayloads() {
        return malformed("{\"ts\":\"2026-11-26T12:00:00Z\",\"free\":123,\"capacity\":200,\"status\":\"open\"}");
    }

    @Provide
    Arbitrary<byte[]> countsPayloads() {
        return malformed("{\"ts\":\"2026-11-26T12:00:00Z\",\"entered\":3,\"exited\":1,\"seq\":77}");
    }

    @Provide
    Arbitrary<byte[]> spacePayloads() {
        return malformed("{\"ts\":\"2026-11-26T12:00:00Z\",\"occupied\":true}");
    }

    @Provide
    Arbitrary<byte[]> trafficPayloads() {
        return malformed("{\"ts\":\"2026-11-26T12:00:00Z\",\"intervalS\":60,\"count\":14,\"speedKmh\":31.5,\"occupancyPct\":12.0}");
    }

    @Provide
    Arbitrary<byte[]> ttsPayloads() {
        return malformed(UplinkSamples.TTS_SPACE);
    }

    @Provide
    Arbitrary<byte[]> chirpstackPayloads() {
        return malformed(UplinkSamples.CHIRPSTACK_COUNTS);
    }

    @Provide
    Arbitrary<byte[]> senmlPayloads() {
        return malformed("[{\"bn\":\"parkleit:facility:P1:\",\"bt\":1795694400,\"n\":\"free\",\"v\":42},{\"n\":\"capacity\",\"v\":200},"
                + "{\"bn\":\"parkleit:space:P1:S9:\",\"n\":\"occupied\",\"vb\":true,\"t\":-30},"
                + "{\"bn\":\"urn:dev:mac:0024befffe804ff1:\",\"n\":\"count\",\"v\":14},{\"n\":\"interval\",\"v\":60}]");
    }

    /** Payloads derived from a valid seed by one of several corruption strategies. */
    static Arbitrary<byte[]> malformed(String seed) {
        byte[] valid = seed.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.randomValue(random -> corrupt(valid, random));
    }

    static byte[] corrupt(byte[] valid, Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return randomBytes(r, r.nextInt(600));
            case 1:
                return mutateBytes(valid, r, 1 + r.nextInt(8));
            case 2:
                return java.util.Arrays.copyOf(valid, r.nextInt(valid.length));
            case 3:
                return replaceToken(new String(valid, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8);
            case 4:
                return invalidUtf8(valid, r);
            case 5:
                return oversized(valid, r);
            case 6:
                return randomJson(r, 4).getBytes(StandardCharsets.UTF_8);
            default:
                return dropField(new String(valid, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] mutateBytes(byte[] valid, Random r, int edits) {
        StringBuilder sb = new StringBuilder(new String(valid, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = r.nextInt(sb.length());
            char c = (char) (r.nextBoolean() ? r.nextInt(128) : "{}[]\",:0123456789-.eE tfn\\".charAt(r.nextInt(26)));
            switch (r.nextInt(3)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Replaces one JSON value (after a colon) with a token of another type or an edge value. */
    private static String replaceToken(String json, Random r) {
        int colon = -1;
        for (int tries = 0; tries < 5 && colon < 0; tries++) {
            colon = json.indexOf(':', r.nextInt(json.length()));
        }
        if (colon < 0) {
            colon = json.indexOf(':');
        }
        int end = colon + 1;
        while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(0, colon + 1) + TOKENS[r.nextInt(TOKENS.length)] + json.substring(end);
    }

    private static byte[] invalidUtf8(byte[] valid, Random r) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28},
                {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] b = bad[r.nextInt(bad.length)];
        int at = r.nextInt(valid.length);
        byte[] out = new byte[valid.length + b.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(b, 0, out, at, b.length);
        System.arraycopy(valid, at, out, at + b.length, valid.length - at);
        return out;
    }

    private static byte[] oversized(byte[] valid, Random r) {
        byte[] out = new byte[16_385 + r.nextInt(8000)];
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(valid, 0, out, 0, valid.length);
        return out;
    }

    private static String dropField(String json, Random r) {
        int q = json.indexOf('"', r.nextInt(json.length()));
        if (q < 0) {
            return json;
        }
        int comma = json.indexOf(',', q);
        return comma < 0 ? json.substring(0, q) + "}" : json.substring(0, q) + json.substring(comma + 1);
    }

    private static String randomJson(Random r, int depth) {
        int k = depth <= 0 ? r.nextInt(4) : r.nextInt(6);
        return switch (k) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> Double.toString(r.nextGaussian() * 1e6);
            case 2 -> TOKENS[r.nextInt(TOKENS.length)];
            case 3 -> "\"" + Long.toHexString(r.nextLong()) + "\"";
            case 4 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0, n = r.nextInt(4); i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(randomJson(r, depth - 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                String[] keys = {"ts", "free", "occupied", "entered", "seq", "n", "v", "bn", "bt", "end_device_ids",
                        "uplink_message", "decoded_payload", "deviceInfo", "object", "time", "devEui", "dev_eui"};
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    sb.append(i > 0 ? "," : "").append('"').append(keys[r.nextInt(keys.length)]).append("\":")
                            .append(randomJson(r, depth - 1));
                }
                yield sb.append('}').toString();
            }
        };
    }
}
