package de.parkleit.signbridge;

import java.time.Instant;

/**
 * A driver's view of its sign.
 *
 * @param connected whether the last contact worked (a driver without a connection: whether it is open)
 * @param lastShown when the last show succeeded; null before the first
 * @param lastFault the reason of the last failed show; null after a successful one
 */
public record DriverStatus(boolean connected, Instant lastShown, String lastFault) {
}
