package de.parkleit.platform.store;

/** The measurements (QuestDB tables) of the store, with the tag columns that identify a series. */
public enum Measurement {
    PARKING_OCCUPANCY("parking_occupancy", "facility"),
    PARKING_COUNTS("parking_counts", "facility"),
    SPACE_OCCUPANCY("space_occupancy", "facility", "space"),
    TRAFFIC("traffic", "detector"),
    GUIDANCE_ISSUED("guidance_issued", "facility", "request"),
    SIGN_DISPLAY("sign_display", "sign");

    private final String table;
    private final String[] tags;

    Measurement(String table, String... tags) {
        this.table = table;
        this.tags = tags;
    }

    public String table() {
        return table;
    }

    /** The tag (id) columns; with the timestamp they identify a point, so a replay overwrites it. */
    public java.util.List<String> tags() {
        return java.util.List.of(tags);
    }
}
