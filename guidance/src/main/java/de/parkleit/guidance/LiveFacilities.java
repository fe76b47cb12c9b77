package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Guidance's view of the city's live-state board ({@link LiveBoard}: facilities, last states from
 * the retained state topics, operators' overrides from {@code {root}/ops/facility/{id}}) with what
 * guidance decides from it: {@link Availability} with its stale-after. The board holds the state
 * and its one apply rule; this class adds no copy. Thread-safe.
 */
public final class LiveFacilities {

    private final LiveBoard board;
    private final Duration staleAfter;

    public LiveFacilities(List<Facility> facilities, Duration staleAfter) {
        this(new LiveBoard(facilities), staleAfter);
    }

    public LiveFacilities(LiveBoard board, Duration staleAfter) {
        this.board = Objects.requireNonNull(board, "board");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public LiveBoard board() {
        return board;
    }

    /** Offers a state to the board ({@link LiveBoard#apply}: unless unknown facility, older or equal). */
    public LiveBoard.Outcome apply(FacilityState s) {
        return board.apply(s);
    }

    /**
     * Sets (or with {@code null} clears) the operator override of a facility.
     *
     * @return false for a facility this city does not have
     */
    public boolean applyOperation(String facilityId, FacilityOperation op) {
        return board.applyOperation(facilityId, op) != LiveBoard.Outcome.UNKNOWN_FACILITY;
    }

    /** The operator override of a facility that is active at {@code now}, if any. */
    public Optional<FacilityOperation> operation(String facilityId, Instant now) {
        return board.operation(facilityId).filter(o -> o.isActiveAt(now));
    }

    public List<Facility> facilities() {
        return board.facilities();
    }

    public Optional<Facility> facility(String id) {
        return board.facility(id);
    }

    /** The last state of a facility of this city (unknown until one arrives). */
    public FacilityState state(String id) {
        FacilityState s = board.stateOf(id);
        if (s == null) {
            throw new IllegalArgumentException("no facility " + id);
        }
        return s;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** What may be done with a facility at {@code now}: an active operator override, else {@link #classify}. */
    public Availability availability(String id, Instant now) {
        return classify(state(id), board.operationOf(id), now, staleAfter);
    }

    /** Like {@link #classify(FacilityState, Instant, Duration)}, with an operator override (may be null) winning while active. */
    public static Availability classify(FacilityState s, FacilityOperation op, Instant now, Duration staleAfter) {
        if (op != null && op.isActiveAt(now)) {
            return op.status() == FacilityStatus.RESERVED ? Availability.RESERVED : Availability.CLOSED;
        }
        return classify(s, now, staleAfter);
    }

    /**
     * Closed and reserved win over everything (an operator's word); otherwise a state without a
     * free count, with status unknown, flagged stale, or older than {@code staleAfter} is unknown.
     */
    public static Availability classify(FacilityState s, Instant now, Duration staleAfter) {
        if (s.status() == FacilityStatus.CLOSED) {
            return Availability.CLOSED;
        }
        if (s.status() == FacilityStatus.RESERVED) {
            return Availability.RESERVED;
        }
        if (s.free() == null || s.status() == FacilityStatus.UNKNOWN || s.flags().contains(QualityFlag.STALE)
                || s.updatedAt() == null || s.updatedAt().plus(staleAfter).isBefore(now)) {
            return Availability.UNKNOWN;
        }
        return Availability.OPEN;
    }
}
