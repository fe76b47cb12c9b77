package de.parkleit.dashboard.signs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Current content of every sign seen, and the last {@value #AUDIT_SIZE} changes (newest first).
 * Confined to the verticle's context.
 */
public final class SignView {

    public static final int AUDIT_SIZE = 500;

    /** A change of what a sign shows. */
    public record AuditEntry(java.time.Instant at, String signId, String text) {
    }

    private final Map<String, SignContent> signs = new LinkedHashMap<>();
    private final Deque<AuditEntry> audit = new ArrayDeque<>();
    private final List<Consumer<SignContent>> listeners = new ArrayList<>();
    private final Map<String, de.parkleit.core.sign.SignAck> acks = new LinkedHashMap<>();

    /** The sign bridge's last ack of a sign (what its controller reports it displays). */
    public void applyAck(de.parkleit.core.sign.SignAck a) {
        acks.put(a.signId(), a);
    }

    /** The last ack of each sign that has one. */
    public Map<String, de.parkleit.core.sign.SignAck> acks() {
        return Map.copyOf(acks);
    }

    public void addListener(Consumer<SignContent> l) {
        listeners.add(l);
    }

    public void apply(SignContent s) {
        SignContent old = signs.put(s.id(), s);
        if (old == null || !Objects.equals(old.text(), s.text())) {
            audit.addFirst(new AuditEntry(s.receivedAt(), s.id(), s.text()));
            while (audit.size() > AUDIT_SIZE) {
                audit.removeLast();
            }
        }
        listeners.forEach(l -> l.accept(s));
    }

    /** A retained sign message was cleared: the sign is gone. */
    public void remove(String id, java.time.Instant at) {
        SignContent old = signs.remove(id);
        if (old != null) {
            audit.addFirst(new AuditEntry(at, id, "(removed)"));
            SignContent gone = new SignContent(id, old.name(), old.lat(), old.lon(), List.of(), at, at);
            listeners.forEach(l -> l.accept(gone));
        }
    }

    public Collection<SignContent> all() {
        return List.copyOf(signs.values());
    }

    public List<AuditEntry> audit() {
        return List.copyOf(audit);
    }
}
