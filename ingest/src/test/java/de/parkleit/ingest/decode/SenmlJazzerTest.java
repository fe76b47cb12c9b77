package de.parkleit.ingest.decode;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterEach;

/** Jazzer target: SenML packs on the SenML topic (see {@link DecoderFuzzHarness}). */
class SenmlJazzerTest {

    private final DecoderFuzzHarness harness = new DecoderFuzzHarness();

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"bn\"", "\"bt\"", "\"n\"", "\"v\"", "\"vb\"", "\"t\"", "\"u\"", "\"free\"", "\"capacity\"",
            "\"occupied\"", "\"count\"", "\"interval\"", "\"parkleit:facility:P1:\"", "\"parkleit:space:P1:S9:\"",
            "\"urn:dev:mac:0024befffe804ff1:\""})
    void senml(byte[] payload) {
        harness.check(DecoderFuzzHarness.T.root() + "/senml/gw1", payload);
    }

    @AfterEach
    void report() {
        harness.report("senml");
    }
}
