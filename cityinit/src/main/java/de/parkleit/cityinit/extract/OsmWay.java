package de.parkleit.cityinit.extract;

import java.util.Map;

/** One way kept from the region: its id, node references in order and tags. */
public record OsmWay(long id, long[] refs, Map<String, String> tags) {

    public String label() {
        String name = tags.get("name");
        String ref = tags.get("ref");
        String text = name != null ? name + (ref != null ? " (" + ref + ")" : "") : ref != null ? ref : "unnamed";
        return text + " [" + tags.getOrDefault("highway", "?") + ", way " + id + "]";
    }
}
