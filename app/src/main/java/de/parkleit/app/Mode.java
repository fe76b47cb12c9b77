package de.parkleit.app;

/** What a node runs: the self-contained demo, or the production shape. */
enum Mode {
    /** Embedded broker and store, gateway simulator and history backfill. */
    DEMO,
    /** External broker (or embedded when none is configured), InfluxDB 2 or embedded QuestDB, no simulator. */
    SERVE
}
