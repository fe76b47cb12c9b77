package de.parkleit.dashboard.opendata.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A plain, immutable picture of a city for the open-data builders: every facility with its state and
 * operation, the licence to state, and the time the snapshot was taken. Builders in this package
 * never see Vert.x or the live-state view; the HTTP adapter makes the snapshot.
 *
 * @param city         the city's name (attribution fallback)
 * @param licenceName  licence identifier
 * @param licenceUrl   licence text
 * @param attribution  who to name when reusing the data
 * @param now          when the snapshot was taken (publication time)
 * @param sites        the facilities, in city order
 */
public record ExportSnapshot(String city, String licenceName, String licenceUrl, String attribution, Instant now,
                             List<ExportSite> sites) {

    public ExportSnapshot {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(now, "now");
        sites = List.copyOf(sites);
    }

    /** Newest reading time of any facility, else the snapshot time: the {@code Last-Modified} of a status. */
    public Instant lastModified() {
        Instant newest = null;
        for (ExportSite s : sites) {
            Instant t = s.state().updatedAt();
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest == null ? now : newest;
    }
}
