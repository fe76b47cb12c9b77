package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.live.FreeSpaceOutlook;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.dashboard.opendata.OpenDataLicence;
import java.time.Instant;
import java.util.Objects;

/**
 * The four DATEX II documents of a city: v2.3 and v3.6, each a parking table (static: sites, capacity, position,
 * opening times, thresholds) and a parking status (live, from the board; v3.6 with forecast records from the
 * {@link FreeSpaceOutlook}). Thread-safe; each call builds a fresh document (a 5,000-facility city in tens of
 * milliseconds, docs/benchmarks.md), so callers on an event loop run it on a worker.
 */
public final class Datex2Exports {

    /** Media type of every document. */
    public static final String MEDIA_TYPE = "application/xml; charset=utf-8";

    private final Publisher publisher;
    private final FreeSpaceOutlook outlook;

    /**
     * @param tableTime the version time of the parking table (when the city's facilities were read, e.g. the start)
     * @param outlook   the forecaster's probability of a free space ahead, or {@link FreeSpaceOutlook#NONE}
     */
    public Datex2Exports(LiveBoard board, String city, OpenDataLicence licence, FreeSpaceOutlook outlook, Instant tableTime) {
        this.publisher = Publisher.of(board, city, licence, tableTime);
        this.outlook = Objects.requireNonNull(outlook, "outlook");
    }

    public String table23(Instant now) {
        return Datex23Table.write(publisher, now);
    }

    public String status23(Instant now) {
        return Datex23Status.write(publisher, now);
    }

    public String table36(Instant now) {
        return Datex36Table.write(publisher, now);
    }

    public String status36(Instant now) {
        return Datex36Status.write(publisher, outlook, now);
    }
}
