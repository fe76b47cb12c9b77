package de.parkleit.ingest.decode;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterEach;

/** Jazzer target: ChirpStack v4 uplinks on the LoRaWAN topic (see {@link DecoderFuzzHarness}). */
class ChirpStackJazzerTest {

    private final DecoderFuzzHarness harness = new DecoderFuzzHarness();

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"deviceInfo\"", "\"devEui\"", "\"deviceName\"", "\"applicationName\"", "\"object\"", "\"time\"",
            "\"entered\"", "\"exited\"", "\"fCnt\"", "\"data\"", "\"70b3d57ed0005678\"", "\"barrier-counters\""})
    void chirpStackUplink(byte[] payload) {
        harness.check(DecoderFuzzHarness.T.lorawanUplink("app"), payload);
    }

    @AfterEach
    void report() {
        harness.report("chirpStackUplink");
    }
}
