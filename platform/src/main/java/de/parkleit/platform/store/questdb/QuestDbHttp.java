package de.parkleit.platform.store.questdb;

import de.parkleit.platform.store.StoreRejectedException;
import de.parkleit.platform.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL over QuestDB's HTTP {@code /exec} endpoint, and the read-your-writes barrier for WAL tables.
 *
 * <p>WAL tables apply committed writes asynchronously: an ILP request is acknowledged once its
 * transaction is in the table's sequencer, a query sees it once the WAL apply job has moved the
 * table's {@code writerTxn} up to that sequencer txn. {@link #awaitVisible} reads
 * {@code sequencerTxn} from {@code wal_tables()} and polls (1 ms, doubling to 50 ms) until
 * {@code writerTxn} reaches it, so a query sees every write acknowledged before the query started.
 * Queries on the 5-minute materialized views also wait for the view's refresh to reach that txn
 * ({@code refresh_base_table_txn} in {@code materialized_views()}).
 */
final class QuestDbHttp {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    QuestDbHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Runs one statement and returns the rows of its dataset (empty for DDL). */
    List<JsonArray> query(String sql) {
        JsonObject body = exec(sql);
        JsonArray data = body.getJsonArray("dataset");
        List<JsonArray> rows = new ArrayList<>(data == null ? 0 : data.size());
        if (data != null) {
            for (int i = 0; i < data.size(); i++) {
                rows.add(data.getJsonArray(i));
            }
        }
        return rows;
    }

    JsonObject exec(String sql) {
        URI uri = URI.create(baseUrl + "/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreUnavailableException("QuestDB at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while querying QuestDB", e);
        }
        JsonObject body = parse(res);
        if (res.statusCode() != 200 || body.containsKey("error")) {
            String msg = "QuestDB rejected SQL (HTTP " + res.statusCode() + "): " + body.getString("error", res.body());
            if (res.statusCode() >= 500) {
                throw new StoreUnavailableException(msg, null);
            }
            throw new StoreRejectedException(msg, null);
        }
        return body;
    }

    private JsonObject parse(HttpResponse<String> res) {
        try {
            return new JsonObject(res.body());
        } catch (DecodeException e) {
            throw new StoreUnavailableException("QuestDB answered HTTP " + res.statusCode()
                    + " without JSON: " + abbreviate(res.body()), e);
        }
    }

    /**
     * Waits until every write acknowledged so far to {@code table} is visible to queries, for at
     * most {@code max}; returns the table's sequencer txn it waited for (-1 for a non-WAL table).
     * Throws {@link StoreUnavailableException} if the table's WAL is suspended or the wait times out.
     */
    long awaitVisible(String table, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        String sql = "SELECT sequencerTxn, writerTxn, suspended FROM wal_tables() WHERE name = '" + table + "'";
        long target = -1;
        for (long napMs = 1; ; napMs = Math.min(50, napMs * 2)) {
            List<JsonArray> rows = query(sql);
            if (rows.isEmpty()) {
                return -1; // not a WAL table: writes are visible on commit
            }
            JsonArray row = rows.get(0);
            if (Boolean.TRUE.equals(row.getBoolean(2))) {
                throw new StoreUnavailableException("QuestDB table " + table + " is suspended (WAL apply failed)", null);
            }
            target = target < 0 ? row.getLong(0) : target;
            if (row.getLong(1) >= target) {
                return target;
            }
            pause(deadline, napMs, table + " did not apply txn " + target + " within " + max.toMillis() + " ms");
        }
    }

    /**
     * Waits until materialized {@code view} has been refreshed up to base table txn {@code baseTxn}
     * and that refresh is applied, for at most {@code max}. Throws if the view is invalid.
     */
    void awaitView(String view, long baseTxn, Duration max) {
        if (baseTxn <= 0) {
            return; // nothing written to the base table yet
        }
        long deadline = System.nanoTime() + max.toNanos();
        String sql = "SELECT refresh_base_table_txn, view_status, invalidation_reason FROM materialized_views()"
                + " WHERE view_name = '" + view + "'";
        for (long napMs = 1; ; napMs = Math.min(50, napMs * 2)) {
            List<JsonArray> rows = query(sql);
            if (rows.isEmpty()) {
                throw new StoreUnavailableException("QuestDB materialized view " + view + " is missing", null);
            }
            JsonArray row = rows.get(0);
            if ("invalid".equals(row.getString(1))) {
                throw new StoreUnavailableException("QuestDB materialized view " + view + " is invalid: "
                        + row.getString(2) + " (run REFRESH MATERIALIZED VIEW " + view + " FULL)", null);
            }
            if (row.getLong(0) >= baseTxn) {
                awaitVisible(view, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                return;
            }
            pause(deadline, napMs, "view " + view + " did not refresh to base txn " + baseTxn + " within " + max.toMillis() + " ms");
        }
    }

    private static void pause(long deadline, long ms, String timeoutMessage) {
        if (System.nanoTime() > deadline) {
            throw new StoreUnavailableException("QuestDB " + timeoutMessage, null);
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for QuestDB to apply writes", e);
        }
    }

    boolean ping() {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/ping")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            int s = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return s >= 200 && s < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
