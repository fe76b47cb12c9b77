package de.parkleit.feeds;

import de.parkleit.core.Ids;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code unknown=create}: the sites of a payload that the source's id mapping does not name become new
 * facilities of the city, with the name, capacity, position, type, opening hours and web page the feed gives.
 * Their id is {@code <feed name>-<source id>} folded to {@code [A-Za-z0-9_-]{1,64}}, the same on every start;
 * if the city already has a facility of that id (added to {@code facilities.geojson} earlier) the site is mapped
 * to it. A site without a capacity above 0 or without a position cannot become a facility: it is skipped with a
 * problem (a DATEX II status publication carries neither; its sites need the static table or a mapping).
 */
public final class FeedTakeIn {

    /**
     * @param facilities new facilities, in payload order
     * @param ids        source id → facility id for every site taken in or matched to an existing facility
     * @param skipped    sites that could not be taken in, with the reason
     */
    public record Result(List<Facility> facilities, Map<String, String> ids, List<FeedProblem> skipped) {
    }

    private FeedTakeIn() {
    }

    public static Result from(FeedSnapshot snapshot, FeedSource source, Set<String> cityIds) {
        List<Facility> out = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        List<FeedProblem> skipped = new ArrayList<>();
        Set<String> used = new HashSet<>(cityIds);
        for (FeedSite s : snapshot.sites()) {
            if (source.idMap().containsKey(s.sourceId()) || ids.containsKey(s.sourceId())
                    || (source.identityIds() && cityIds.contains(s.sourceId()))) {
                continue;
            }
            String id = facilityId(source.name(), s.sourceId());
            if (cityIds.contains(id)) {
                ids.put(s.sourceId(), id);
                continue;
            }
            if (s.capacity() == null || s.capacity() <= 0 || s.lat() == null || s.lon() == null) {
                skipped.add(new FeedProblem(Reasons.MISSING_FIELD, s.sourceId(),
                        "cannot be taken in as a new facility: " + (s.lat() == null || s.lon() == null ? "no position"
                                : "no capacity above 0")));
                continue;
            }
            if (!used.add(id)) {
                skipped.add(new FeedProblem(Reasons.BAD_VALUE, s.sourceId(), "its facility id " + id + " is taken"));
                continue;
            }
            try {
                out.add(new Facility(id, s.name() == null || s.name().isBlank() ? s.sourceId() : s.name().trim(),
                        s.type() == null ? FacilityType.OTHER : s.type(), s.lat(), s.lon(), s.capacity(), "",
                        s.openingHours(), s.url()));
                ids.put(s.sourceId(), id);
            } catch (IllegalArgumentException e) {
                skipped.add(new FeedProblem(Reasons.BAD_VALUE, s.sourceId(), e.getMessage()));
            }
        }
        return new Result(out, ids, skipped);
    }

    /** {@code aachen} + {@code P1} → {@code aachen-P1}; {@code urn:ngsiv2:OffStreetParking:P00} → {@code …-P00}. */
    public static String facilityId(String feedName, String sourceId) {
        String local = sourceId.substring(sourceId.lastIndexOf(':') + 1);
        String raw = feedName + "-" + (local.isBlank() ? sourceId : local);
        String id = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 64) {
            String hash = Integer.toHexString(raw.hashCode());
            id = id.substring(0, 63 - hash.length()) + "-" + hash;
        }
        if (!Ids.isValid(id)) {
            id = feedName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "") + "-" + Integer.toHexString(raw.hashCode());
        }
        return id;
    }
}
