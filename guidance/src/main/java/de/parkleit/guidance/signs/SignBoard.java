package de.parkleit.guidance.signs;

import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.state.FacilityState;
import de.parkleit.guidance.Availability;
import de.parkleit.guidance.LiveFacilities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what every sign shows: per facility a level with hysteresis ({@link Thresholds}), "—"
 * for stale or unknown data (never an old number), {@code geschlossen} for closed or reserved
 * facilities, and the arrow from {@link SignRoutes}. Reports each sign whose display changed,
 * with the reason, for publishing and the audit log. All signs agree on a facility's level.
 * Confined to one thread (the signs' Vert.x context): not thread-safe by design.
 */
public final class SignBoard {

    /** A sign whose display changed, and why. */
    public record Change(SignFrame frame, String why) {
    }

    /** What the signs show for one facility. */
    private record Shown(LineState state, Integer free) {
    }

    private final Map<String, Sign> signs = new LinkedHashMap<>();
    private final Map<String, Facility> facilities = new HashMap<>();
    private final Map<String, List<Sign>> signsOf = new HashMap<>();
    private final SignsConfig config;
    /** The live states and operator overrides: the one board, shared with guidance (no copy here). */
    private final LiveBoard live;
    private final Map<String, OccupancyLevel> levels = new HashMap<>();
    private final Map<String, Shown> shown = new HashMap<>();
    private final Map<String, Map<String, Arrow>> arrows = new HashMap<>();
    private final Map<String, List<SignLine>> lines = new HashMap<>();

    /** With a board of its own (tests, tools). */
    public SignBoard(List<Sign> signs, List<Facility> facilities, SignsConfig config) {
        this(signs, new LiveBoard(facilities), config);
    }

    /** Reading states and overrides from {@code live}, which the caller keeps up to date. */
    public SignBoard(List<Sign> signs, LiveBoard live, SignsConfig config) {
        this.live = Objects.requireNonNull(live, "live");
        List<Facility> facilities = live.facilities();
        this.config = Objects.requireNonNull(config, "config");
        facilities.forEach(f -> this.facilities.put(f.id(), f));
        for (Sign s : signs) {
            this.signs.put(s.id(), s);
            for (String fid : s.facilities()) {
                if (!this.facilities.containsKey(fid)) {
                    throw new IllegalArgumentException("sign " + s.id() + " shows unknown facility " + fid);
                }
                signsOf.computeIfAbsent(fid, k -> new ArrayList<>()).add(s);
            }
        }
        facilities.forEach(f -> {
            shown.put(f.id(), new Shown(LineState.UNKNOWN, null));
        });
        for (Sign s : signs) {
            lines.put(s.id(), render(s));
        }
    }

    public List<Sign> signs() {
        return List.copyOf(signs.values());
    }

    /** Takes a facility's new live state; returns the signs whose display changed. */
    public List<Change> apply(FacilityState s, Instant now) {
        if (!facilities.containsKey(s.facilityId())) {
            return List.of();
        }
        live.apply(s);
        return reevaluate(s.facilityId(), now);
    }

    /** Sets (or with {@code null} clears) an operator override; returns the signs whose display changed. */
    public List<Change> applyOperation(String facilityId, FacilityOperation op, Instant now) {
        if (!facilities.containsKey(facilityId)) {
            return List.of();
        }
        live.applyOperation(facilityId, op);
        return reevaluate(facilityId, now);
    }

    /** Re-checks every facility at {@code now} (states age into "—"); returns the signs that changed. */
    public List<Change> tick(Instant now) {
        List<Change> out = new ArrayList<>();
        for (String id : facilities.keySet()) {
            out.addAll(reevaluate(id, now));
        }
        return merge(out);
    }

    /** Sets the arrows of one sign (facility id to arrow); returns its change, if any. */
    public List<Change> setArrows(String signId, Map<String, Arrow> byFacility, Instant now) {
        Sign s = signs.get(signId);
        if (s == null) {
            return List.of();
        }
        Map<String, Arrow> old = arrows.put(signId, Map.copyOf(byFacility));
        List<String> why = new ArrayList<>();
        for (String fid : s.facilities()) {
            Arrow before = old == null ? Arrow.NONE : old.getOrDefault(fid, Arrow.NONE);
            Arrow after = byFacility.getOrDefault(fid, Arrow.NONE);
            if (before != after) {
                why.add(name(fid) + ": arrow " + before.wireName() + " -> " + after.wireName() + " (route from the sign)");
            }
        }
        return changeOf(s, String.join("; ", why), now).map(List::of).orElse(List.of());
    }

    /** The current frame of every sign, valid from {@code now} (for republishing). */
    public List<SignFrame> frames(Instant now) {
        return signs.values().stream().map(s -> frame(s, now)).toList();
    }

    public SignFrame frame(String signId, Instant now) {
        return frame(Objects.requireNonNull(signs.get(signId), "no sign " + signId), now);
    }

    private SignFrame frame(Sign s, Instant now) {
        return new SignFrame(s.id(), s.name(), s.lat(), s.lon(), s.heading(), lines.get(s.id()), now, now.plus(config.validity()));
    }

    private List<Change> reevaluate(String facilityId, Instant now) {
        Shown before = shown.get(facilityId);
        OccupancyLevel levelBefore = levels.get(facilityId);
        Shown after = decide(facilityId, now);
        if (after.equals(before)) {
            return List.of();
        }
        shown.put(facilityId, after);
        String why = reason(facilityId, before, after, levelBefore, now);
        List<Change> out = new ArrayList<>();
        for (Sign s : signsOf.getOrDefault(facilityId, List.of())) {
            changeOf(s, why, now).ifPresent(out::add);
        }
        return out;
    }

    private java.util.Optional<Change> changeOf(Sign s, String why, Instant now) {
        List<SignLine> next = render(s);
        if (next.equals(lines.get(s.id()))) {
            return java.util.Optional.empty();
        }
        lines.put(s.id(), next);
        return java.util.Optional.of(new Change(frame(s, now), why));
    }

    private Shown decide(String facilityId, Instant now) {
        FacilityState s = live.stateOf(facilityId);
        Availability a = LiveFacilities.classify(s, live.operationOf(facilityId), now, config.staleAfter());
        if (a == Availability.CLOSED || a == Availability.RESERVED) {
            levels.remove(facilityId);
            return new Shown(LineState.CLOSED, null);
        }
        if (a == Availability.UNKNOWN) {
            levels.remove(facilityId);
            return new Shown(LineState.UNKNOWN, null);
        }
        double occupancy = 100.0 * (1 - s.free() / (double) Math.max(1, s.capacity()));
        OccupancyLevel level = config.thresholds().next(levels.get(facilityId), Math.max(0, occupancy));
        levels.put(facilityId, level);
        return new Shown(lineState(level), s.free());
    }

    private List<SignLine> render(Sign s) {
        List<SignLine> out = new ArrayList<>(s.facilities().size());
        Map<String, Arrow> a = arrows.getOrDefault(s.id(), Map.of());
        for (String fid : s.facilities()) {
            Shown sh = shown.get(fid);
            String display = switch (sh.state()) {
                case FULL -> SignLine.FULL_TEXT;
                case CLOSED -> SignLine.CLOSED_TEXT;
                case UNKNOWN -> SignLine.UNKNOWN_TEXT;
                case FREE, ALMOST_FULL -> s.display() == Sign.Display.COUNT ? Integer.toString(sh.free()) : SignLine.FREE_TEXT;
            };
            Integer free = s.display() == Sign.Display.COUNT && (sh.state() == LineState.FREE
                    || sh.state() == LineState.ALMOST_FULL) ? sh.free() : null;
            out.add(new SignLine(fid, name(fid), sh.state(), free, display, a.getOrDefault(fid, Arrow.NONE)));
        }
        return out;
    }

    private String reason(String id, Shown before, Shown after, OccupancyLevel levelBefore, Instant now) {
        FacilityState s = live.stateOf(id);
        String head = name(id) + ": ";
        return switch (after.state()) {
            case CLOSED -> head + closedReason(id, s, now);
            case UNKNOWN -> head + unknownReason(s, now) + " -> " + SignLine.UNKNOWN_TEXT;
            default -> {
                double occ = 100.0 * (1 - s.free() / (double) Math.max(1, s.capacity()));
                String change = before.state() == after.state() ? ""
                        : ", " + before.state().wireName() + " -> " + after.state().wireName()
                        + (levelBefore == null ? "" : " (occupancy " + config.thresholds().explain(levelBefore, levels.get(id)) + ")");
                yield head + "free " + (before.free() == null ? "-" : before.free()) + " -> " + s.free()
                        + String.format(java.util.Locale.ROOT, " at %.1f %% occupancy", occ) + change;
            }
        };
    }

    private String closedReason(String id, FacilityState s, Instant now) {
        FacilityOperation op = live.operationOf(id);
        if (op != null && op.isActiveAt(now)) {
            return op.status().wireName() + " by operator " + op.by() + " until " + op.until() + " (" + op.reason() + ")";
        }
        return s.status().wireName() + " (reported by its gateway)";
    }

    private String unknownReason(FacilityState s, Instant now) {
        if (s.updatedAt() == null) {
            return "no data";
        }
        if (s.free() == null || s.flags().contains(de.parkleit.core.state.QualityFlag.STALE)) {
            return "state without a current count (" + s.status().wireName() + ")";
        }
        return "last reading " + Duration.between(s.updatedAt(), now).toMinutes() + " min old";
    }

    private String name(String facilityId) {
        return facilities.get(facilityId).name();
    }

    /** Keeps the last change per sign, joining the reasons (a tick may touch one sign several times). */
    private static List<Change> merge(List<Change> changes) {
        Map<String, Change> bySign = new LinkedHashMap<>();
        for (Change c : changes) {
            bySign.merge(c.frame().signId(), c, (a, b) -> new Change(b.frame(), a.why() + "; " + b.why()));
        }
        return List.copyOf(bySign.values());
    }

    private static LineState lineState(OccupancyLevel level) {
        return switch (level) {
            case FREE -> LineState.FREE;
            case ALMOST_FULL -> LineState.ALMOST_FULL;
            case FULL -> LineState.FULL;
        };
    }
}
