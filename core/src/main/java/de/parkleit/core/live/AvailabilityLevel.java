package de.parkleit.core.live;

import de.parkleit.core.operation.FacilityOperation;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import java.util.Locale;

/**
 * How available a facility looks to a driver, decided once on the server and sent to the browser
 * as the {@code level} field of the facility JSON (API and live push). The rule is the one the web
 * map applied in the browser until now, unchanged: closed or reserved (by its gateway or an active
 * operator override) is {@link #CLOSED}; no free count or flagged stale is {@link #STALE}; no space
 * left is {@link #FULL}; otherwise by the free share of the capacity: at least 20 % {@link #PLENTY},
 * at least 5 % {@link #FEW}, else {@link #ALMOST_FULL}.
 * <p>
 * Signs use their own hysteresis thresholds on occupancy (85/80 % almost full, 95/90 % full, see
 * the signs' {@code Thresholds}): a map marker and a sign line may disagree between 80 and 85 %
 * occupancy; that difference is kept as it was.
 */
public enum AvailabilityLevel {
    PLENTY, FEW, ALMOST_FULL, FULL, CLOSED, STALE;

    /** Free share of the capacity from which a facility has plenty of spaces. */
    public static final double PLENTY_SHARE = 0.2;
    /** Free share of the capacity from which a facility has a few spaces (below: almost full). */
    public static final double FEW_SHARE = 0.05;

    /** {@code plenty}, {@code few}, {@code almost_full}, {@code full}, {@code closed}, {@code stale}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param op       the operator override in force, or null
     * @param capacity the capacity the free count is measured against (the state's, else the facility's)
     */
    public static AvailabilityLevel of(FacilityState s, FacilityOperation op, int capacity) {
        FacilityStatus status = op != null ? op.status() : s.status();
        if (status == FacilityStatus.CLOSED || status == FacilityStatus.RESERVED) {
            return CLOSED;
        }
        if (s.free() == null || s.flags().contains(QualityFlag.STALE)) {
            return STALE;
        }
        if (s.free() <= 0) {
            return FULL;
        }
        double share = capacity > 0 ? (double) s.free() / capacity : 0;
        if (share >= PLENTY_SHARE) {
            return PLENTY;
        }
        return share >= FEW_SHARE ? FEW : ALMOST_FULL;
    }
}
