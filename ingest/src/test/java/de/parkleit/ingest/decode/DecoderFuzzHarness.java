package de.parkleit.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.deadletter.DeadLetters;
import de.parkleit.ingest.spool.SpoolRecordCodec;
import de.parkleit.ingest.state.LiveState;
import de.parkleit.ingest.state.StateRules;
import de.parkleit.ingest.validate.ReadingValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Jazzer target of the decoders does with one input. It feeds the fuzzer's bytes to
 * the decoder of its topic, the validator, the live state and the spool codec, as the pipeline does.
 * Anything but a {@link RejectedException} escaping is a crash (Jazzer fails the test and saves the
 * input under {@code src/test/resources/.../DecoderJazzerFuzzTestInputs/<target>/}). Every rejection
 * goes through {@link DeadLetters} as in ingest and must raise exactly its reason's counter by one and
 * produce a dead letter naming that reason.
 *
 * <p>In a plain {@code mvn verify} the targets ({@code *JazzerTest} classes) run in regression
 * mode over their checked-in seed corpus ({@code <Class>Inputs/<method>/} under test resources); the
 * ingest module's {@code jazzer-fuzz} surefire execution runs them in fuzzing mode
 * ({@code JAZZER_FUZZ=1}), one JVM per class since Jazzer fuzzes one test per JVM, for their
 * {@code maxDuration} each (see docs/reliability.md). One harness per test instance.
 */
final class DecoderFuzzHarness {

    private static final Logger LOG = LoggerFactory.getLogger(DecoderFuzzHarness.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Topics T = Topics.defaults();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:10Z");
    static final List<String> NATIVE_TOPICS = List.of(T.occupancy("P1"), T.counts("P1"), T.space("P1", "S1"), T.traffic("D1"));

    private final TopicDecoder decoder = decoder();
    private final ReadingValidator validator = new ReadingValidator(Set.of("P1"), Duration.ofMinutes(5));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final byte[][] lastDeadLetter = new byte[1][];
    private final DeadLetters deadLetters = new DeadLetters(T, registry, (topic, payload) -> lastDeadLetter[0] = payload, () -> NOW.toEpochMilli());
    private final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    private long inputs;
    private long accepted;

    private static TopicDecoder decoder() {
        try {
            DeviceMap devices = DeviceMap.parse(new StringReader(UplinkSamples.DEVICES), "test");
            NativeDecoder nat = new NativeDecoder(4096, Map.of("P1", 200)::get);
            return TopicDecoder.all(T, nat, new LorawanDecoder(16384, devices, nat), new SenmlDecoder(4096, devices, nat, () -> NOW));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes like the pipeline; a rejection must be counted under its reason and dead-lettered, nothing else may escape. */
    void check(String topic, byte[] payload) {
        inputs++;
        List<Reading> readings;
        try {
            readings = decoder.decode(topic, payload);
            for (Reading r : readings) {
                validator.validate(r, NOW);
            }
        } catch (RejectedException e) {
            assertThat(e.reason()).isNotNull();
            double before = deadLetters.count(e.reason());
            double all = total();
            lastDeadLetter[0] = null;
            deadLetters.reject(topic, payload, e.reason(), e.getMessage());
            assertThat(deadLetters.count(e.reason())).isEqualTo(before + 1);
            assertThat(total()).isEqualTo(all + 1);
            assertDeadLetterNames(e.reason());
            rejected.merge(e.reason(), 1L, Long::sum);
            return;
        }
        accepted++;
        LiveState live = new LiveState(Map.of("P1", 200), StateRules.defaults(Duration.ofMinutes(15), ZoneOffset.UTC));
        readings.forEach(live::apply);
        assertThat(SpoolRecordCodec.decode(SpoolRecordCodec.encode(readings))).isEqualTo(readings);
    }

    private void assertDeadLetterNames(RejectReason reason) {
        assertThat(lastDeadLetter[0]).as("dead letter published").isNotNull();
        try {
            JsonNode n = JSON.readTree(lastDeadLetter[0]);
            assertThat(n.path("reason").asText()).isEqualTo(reason.wireName());
        } catch (IOException e) {
            throw new AssertionError("dead letter is not JSON: " + e, e);
        }
    }

    private double total() {
        double sum = 0;
        for (RejectReason r : RejectReason.values()) {
            sum += deadLetters.count(r);
        }
        return sum;
    }

    /** Logs the tally and checks that the counters hold exactly the rejections seen. */
    void report(String target) {
        Map<String, Long> byReason = new TreeMap<>();
        rejected.forEach((r, n) -> byReason.put(r.wireName(), n));
        long counted = Math.round(total());
        LOG.info("jazzer {}: {} decoder inputs, {} accepted, {} rejected and counted ({} by the counters) by reason {}", target, inputs, accepted,
                rejected.values().stream().mapToLong(Long::longValue).sum(), counted, byReason);
        assertThat(counted).isEqualTo(rejected.values().stream().mapToLong(Long::longValue).sum());
    }
}
