package de.parkleit.cityinit.facilities;

import de.parkleit.feeds.FeedFormat;
import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedSite;
import de.parkleit.feeds.FeedSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Facilities from a feed payload, read with the feeds module's own parsers (DATEX II static tables,
 * NGSI-v2 {@code OffStreetParking}, ParkAPI v3), with the type, opening hours and web page each format gives
 * ({@link FeedSite#type()}; the type is guessed from the name only where the source names none); a site without
 * a position is rejected.
 */
public final class FeedFacilities {

    private FeedFacilities() {
    }

    public static FacilityList read(Path file, FeedFormat format) throws IOException {
        FeedSnapshot snap;
        try (InputStream in = Files.newInputStream(file)) {
            snap = format.parser().parse(in);
        } catch (FeedFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not a readable " + format.configName() + " payload: "
                    + e.getMessage(), e);
        }
        List<ImportedFacility> out = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (FeedProblem p : snap.problems()) {
            rejected.add(p.toString());
        }
        FacilityIds ids = new FacilityIds();
        int n = 0;
        for (FeedSite s : snap.sites()) {
            n++;
            String source = format.configName() + " site " + s.sourceId();
            if (s.lat() == null || s.lon() == null) {
                rejected.add(source + ": no position");
                continue;
            }
            String name = s.name() == null || s.name().isBlank() ? s.sourceId() : s.name();
            try {
                out.add(new ImportedFacility(ids.next(localPart(s.sourceId()), format.configName() + "-" + n), name,
                        s.type() != null ? s.type() : FacilityTypes.guess(null, name), s.lat(), s.lon(), s.capacity(),
                        s.openingHours(), "", source, 0, s.url()));
            } catch (IllegalArgumentException e) {
                rejected.add(e.getMessage());
            }
        }
        return new FacilityList(file.getFileName() + " (" + format.configName() + ")", out, rejected,
                snap.sites().size() + (int) snap.problems().stream().filter(p -> p.sourceId() != null).count());
    }

    /** {@code urn:ngsiv2:OffStreetParking:P00} → {@code P00}. */
    static String localPart(String id) {
        if (id == null) {
            return null;
        }
        int colon = id.lastIndexOf(':');
        return colon >= 0 && colon < id.length() - 1 ? id.substring(colon + 1) : id;
    }
}
