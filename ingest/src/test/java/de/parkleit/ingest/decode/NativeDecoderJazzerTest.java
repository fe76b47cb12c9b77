package de.parkleit.ingest.decode;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterEach;

/** Jazzer target: the native JSON payloads, each input decoded on the occupancy, counts, space and traffic topics (see {@link DecoderFuzzHarness}). */
class NativeDecoderJazzerTest {

    private final DecoderFuzzHarness harness = new DecoderFuzzHarness();

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"ts\"", "\"free\"", "\"capacity\"", "\"status\"", "\"open\"", "\"entered\"", "\"exited\"", "\"seq\"",
            "\"occupied\"", "\"intervalS\"", "\"count\"", "\"speedKmh\"", "\"occupancyPct\"", "\"2026-11-26T12:00:00Z\"", "true", "null"})
    void nativePayloads(byte[] payload) {
        for (String topic : DecoderFuzzHarness.NATIVE_TOPICS) {
            harness.check(topic, payload);
        }
    }

    @AfterEach
    void report() {
        harness.report("nativePayloads");
    }
}
