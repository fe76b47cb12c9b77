package de.parkleit.ingest.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.decode.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles every rejected message the same way: counts it ({@code parkleit_ingest_rejected_total{reason}}),
 * republishes it to {@code {root}/deadletter/{reason}} as JSON with the original topic and at most
 * {@value #PAYLOAD_KEEP} bytes of the payload, and logs a warning at most once per reason per minute.
 * Never throws.
 */
public final class DeadLetters {

    static final int PAYLOAD_KEEP = 512;
    static final int TOPIC_KEEP = 256;
    private static final long LOG_EVERY_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Topics topics;
    private final BiConsumer<String, byte[]> publisher;
    private final LongSupplier clockMillis;
    private final Map<RejectReason, Counter> counters = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, long[]> logState = new EnumMap<>(RejectReason.class);

    /**
     * @param publisher   publishes (topic, payload) to the broker, must not throw
     * @param clockMillis wall clock in ms (tests pass their own)
     */
    public DeadLetters(Topics topics, MeterRegistry registry, BiConsumer<String, byte[]> publisher, LongSupplier clockMillis) {
        this.topics = topics;
        this.publisher = publisher;
        this.clockMillis = clockMillis;
        for (RejectReason r : RejectReason.values()) {
            counters.put(r, Counter.builder("parkleit.ingest.rejected").tag("reason", r.wireName())
                    .description("messages rejected by ingest, by reason").register(registry));
            logState.put(r, new long[] {Long.MIN_VALUE, 0});
        }
    }

    public void reject(String topic, byte[] payload, RejectReason reason, String detail) {
        try {
            counters.get(reason).increment();
            publisher.accept(topics.deadLetter(reason.wireName()), describe(topic, payload, reason, detail));
            logRateLimited(topic, reason, detail);
        } catch (RuntimeException e) {
            LOG.debug("dead-lettering a {} message failed: {}", reason.wireName(), e.toString());
        }
    }

    /** Counts a rejected message without dead-lettering or logging it (the throttle's unreported refusals). */
    public void countOnly(RejectReason reason) {
        counters.get(reason).increment();
    }

    public double count(RejectReason reason) {
        return counters.get(reason).count();
    }

    private byte[] describe(String topic, byte[] payload, RejectReason reason, String detail) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reason", reason.wireName());
        n.put("detail", truncate(detail, TOPIC_KEEP));
        n.put("topic", truncate(topic, TOPIC_KEEP));
        n.put("receivedAt", Instant.ofEpochMilli(clockMillis.getAsLong()).toString());
        int len = payload == null ? 0 : payload.length;
        n.put("payloadBytes", len);
        byte[] kept = payload == null ? new byte[0] : Arrays.copyOf(payload, Math.min(len, PAYLOAD_KEEP));
        n.put("truncated", len > PAYLOAD_KEEP);
        String text = utf8OrNull(kept);
        if (text != null) {
            n.put("payload", text);
            n.put("payloadEncoding", "utf8");
        } else {
            n.put("payload", Base64.getEncoder().encodeToString(kept));
            n.put("payloadEncoding", "base64");
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes UTF-8 strictly, tolerating only a multi-byte character cut off by truncation. */
    private static String utf8OrNull(byte[] b) {
        for (int cut = 0; cut <= Math.min(3, b.length); cut++) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, 0, b.length - cut)).toString();
            } catch (CharacterCodingException e) {
                if (b.length < PAYLOAD_KEEP) {
                    return null;
                }
            }
        }
        return null;
    }

    private void logRateLimited(String topic, RejectReason reason, String detail) {
        long now = clockMillis.getAsLong();
        long[] st = logState.get(reason);
        if (st[0] != Long.MIN_VALUE && now - st[0] < LOG_EVERY_MS) {
            st[1]++;
            return;
        }
        long suppressed = st[1];
        st[0] = now;
        st[1] = 0;
        LOG.warn("rejected {} message on {}: {}{}", reason.wireName(), truncate(topic, TOPIC_KEEP), detail,
                suppressed > 0 ? " (" + suppressed + " more since the last report)" : "");
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
