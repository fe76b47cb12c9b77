package de.parkleit.dashboard.opendata;

import io.vertx.core.json.JsonObject;

/**
 * What every export says about one facility, read from its public JSON ({@code FacilityJson}) so the
 * exports agree with the API and the map: closed (by its gateway, or reserved or closed by an operator
 * override in force), and whether its free count is current: present and not flagged {@code stale}
 * (ingest drops the count of a facility past the stale-after limit and flags it).
 *
 * @param free the free count when {@link #current()}, else null
 */
record ExportState(boolean closed, boolean operatorClosed, boolean current, Integer free, String status) {

    static ExportState of(JsonObject live) {
        String status = live.getString("status");
        boolean closed = "closed".equals(status) || "reserved".equals(status);
        Integer free = live.getInteger("free");
        boolean current = free != null && !live.getJsonArray("flags").contains("stale");
        return new ExportState(closed, live.containsKey("operation"), current, current ? free : null, status);
    }

    /** Open (not closed) as far as anyone knows: {@code status} open, or a current count without a status. */
    boolean knownOpen() {
        return !closed && ("open".equals(status) || current);
    }
}
