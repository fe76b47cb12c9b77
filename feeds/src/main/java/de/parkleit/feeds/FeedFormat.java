package de.parkleit.feeds;

import de.parkleit.feeds.datex2.Datex2Parser;
import de.parkleit.feeds.ngsi.NgsiParser;
import de.parkleit.feeds.parkapi.ParkApiV3Parser;

import java.util.Locale;

/** The feed format families parkleit reads, by their configuration name. */
public enum FeedFormat {
    /** DATEX II v2.3 (and v3 status) parking publications. */
    DATEX2("datex2"),
    /** FIWARE NGSI-v2 OffStreetParking entity array. */
    NGSI("ngsi"),
    /** ParkAPI v3 public API /api/public/v3/parking-sites. */
    PARKAPI3("parkapi3");

    private final String configName;

    FeedFormat(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public FeedParser parser() {
        return switch (this) {
            case DATEX2 -> new Datex2Parser();
            case NGSI -> new NgsiParser();
            case PARKAPI3 -> new ParkApiV3Parser();
        };
    }

    public static FeedFormat parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (FeedFormat f : values()) {
            if (f.configName.equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feed format '" + s + "' (datex2, ngsi, parkapi3)");
    }
}
