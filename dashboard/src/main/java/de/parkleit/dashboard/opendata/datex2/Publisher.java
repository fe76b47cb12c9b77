package de.parkleit.dashboard.opendata.datex2;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.dashboard.opendata.OpenDataLicence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every DATEX II document of a city shares: the board, the city, the licence, and the identity of the parking
 * table (its id, version and version time, and each record's version, fixed for the board's facilities).
 *
 * @param tableTime when the table was read (the node's start): the table's and its records' version time
 */
record Publisher(LiveBoard board, String city, OpenDataLicence licence, Instant tableTime, String tableId,
                 String tableVersion, Map<String, Entry> entries) {

    /**
     * What the documents say about a facility's table record, worked out once (the facilities of a board are fixed).
     *
     * @param url   the operator URL if the schemas' {@code Url} takes it, else null
     * @param hours the opening hours where {@link OpeningHours} reads them, else null
     */
    record Entry(String version, String url, OpeningHours hours, String lat, String lon) {
    }

    /** Country code of {@code publicationCreator}. */
    static final String COUNTRY = "de";
    /** Language of every text. */
    static final String LANG = "de";
    /** Longest {@code MultilingualStringValue} the schemas take. */
    static final int MAX_TEXT = 1024;

    static Publisher of(LiveBoard board, String city, OpenDataLicence licence, Instant tableTime) {
        Map<String, Entry> entries = new HashMap<>();
        List<String> all = new ArrayList<>();
        for (Facility f : board.facilities()) {
            String v = RecordVersion.of(f);
            entries.put(f.id(), new Entry(v, url(f.url()), OpeningHours.parse(f.openingHours()).orElse(null),
                    Double.toString(f.lat()), Double.toString(f.lon())));
            all.add(v);
        }
        return new Publisher(board, city, licence, tableTime, "parkleit-" + city, RecordVersion.ofTable(all), Map.copyOf(entries));
    }

    Entry entry(Facility f) {
        return entries.get(f.id());
    }

    String versionOf(Facility f) {
        return entries.get(f.id()).version();
    }

    /** {@link #tableTime} as text, for every record's version time. */
    String tableTimeText() {
        return tableTime.toString();
    }

    /** {@code nationalIdentifier} of the publication creator. */
    String creator() {
        return "parkleit " + city;
    }

    String licenceComment() {
        return "Licence: " + licence.name() + " (" + licence.url() + "); attribution: " + licence.attributionFor(city);
    }

    static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://\\S+");

    /** A URL the schemas' {@code Url} ({@code xs:anyURI}) takes as it is, else null. */
    static String url(String url) {
        return URL.matcher(url).matches() ? url : null;
    }
}
