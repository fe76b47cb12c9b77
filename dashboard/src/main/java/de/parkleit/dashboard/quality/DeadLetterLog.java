package de.parkleit.dashboard.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejected readings seen on {@code deadletter/{reason}} since this instance started: a count per
 * reason and the last {@value #RECENT} entries (newest first). Confined to the verticle's context.
 */
public final class DeadLetterLog {

    public static final int RECENT = 50;
    private static final int TEXT_KEEP = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One rejected message as ingest described it. */
    public record Entry(Instant at, String reason, String topic, String detail, String payload) {
    }

    private final Instant since;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Deque<Entry> recent = new ArrayDeque<>();

    public DeadLetterLog(Instant since) {
        this.since = since;
    }

    /** Records a dead letter; the reason comes from the topic, the rest from the payload when it is readable. */
    public void record(String reason, byte[] payload, Instant now) {
        byReason.merge(reason, 1L, Long::sum);
        String topic = "";
        String detail = "";
        String text = "";
        Instant at = now;
        try {
            JsonNode n = MAPPER.readTree(payload);
            if (n != null && n.isObject()) {
                topic = cut(n.path("topic").asText(""));
                detail = cut(n.path("detail").asText(""));
                text = "utf8".equals(n.path("payloadEncoding").asText()) ? cut(n.path("payload").asText("")) : "";
                at = n.path("receivedAt").isTextual() ? Instant.parse(n.get("receivedAt").asText()) : now;
            }
        } catch (IOException | RuntimeException e) {
            detail = "(unreadable dead letter)";
        }
        recent.addFirst(new Entry(at, reason, topic, detail, text));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    private static String cut(String s) {
        return s.length() > TEXT_KEEP ? s.substring(0, TEXT_KEEP) + "…" : s;
    }

    public Instant since() {
        return since;
    }

    public Map<String, Long> byReason() {
        return Map.copyOf(byReason);
    }

    public List<Entry> recent() {
        return List.copyOf(recent);
    }
}
