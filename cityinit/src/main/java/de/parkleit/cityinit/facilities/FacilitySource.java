package de.parkleit.cityinit.facilities;

import de.parkleit.feeds.FeedFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** A facility file and how to read it ({@code --facilities FILE --format …}). */
public record FacilitySource(Path file, Format format, CsvMapping csv, char csvSeparator) {

    /** The formats {@code city init} reads. */
    public enum Format {
        GEOJSON, PARKAPI3, DATEX2, NGSI, CSV;

        public static Format parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format must be geojson, parkapi3, datex2, ngsi or csv, got '" + s + "'", e);
            }
        }
    }

    public FacilitySource {
        if (format == Format.CSV && csv == null) {
            throw new IllegalArgumentException("--format csv needs --csv-columns");
        }
    }

    public FacilityList read() throws IOException {
        return switch (format) {
            case GEOJSON -> GeoJsonFacilities.read(file);
            case PARKAPI3 -> FeedFacilities.read(file, FeedFormat.PARKAPI3);
            case DATEX2 -> FeedFacilities.read(file, FeedFormat.DATEX2);
            case NGSI -> FeedFacilities.read(file, FeedFormat.NGSI);
            case CSV -> CsvFacilities.read(file, csv, csvSeparator);
        };
    }
}
