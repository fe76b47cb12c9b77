package de.parkleit.ingest.decode;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterEach;

/** Jazzer target: The Things Stack v3 uplinks on the LoRaWAN topic (see {@link DecoderFuzzHarness}). */
class TheThingsStackJazzerTest {

    private final DecoderFuzzHarness harness = new DecoderFuzzHarness();

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"\"end_device_ids\"", "\"device_id\"", "\"application_ids\"", "\"application_id\"", "\"dev_eui\"",
            "\"uplink_message\"", "\"decoded_payload\"", "\"received_at\"", "\"frm_payload\"", "\"f_port\"", "\"occupied\"",
            "\"bay-s7\"", "\"parking-sensors\"", "\"0004A30B001C0530\""})
    void theThingsStackUplink(byte[] payload) {
        harness.check(DecoderFuzzHarness.T.lorawanUplink("app"), payload);
    }

    @AfterEach
    void report() {
        harness.report("theThingsStackUplink");
    }
}
