package de.parkleit.platform.store;

import java.time.Instant;

/** Something the service itself did that planners count: guidance issued, a sign changed. */
public sealed interface StoreEvent permits GuidanceIssued, SignDisplay {
    Instant ts();
}
