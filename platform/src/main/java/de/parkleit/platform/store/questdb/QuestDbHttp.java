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
     * most {@code max}; throws {@link StoreUnavailableException} if the table's WAL is suspended or
     * the wait times out.
     */
    void awaitVisible(String table, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        String sql = "SELECT sequencerTxn, writerTxn, suspended FROM wal_tables() WHERE name = '" + table + "'";
        long target = -1;
        long napMs = 1;
        while (true) {
            List<JsonArray> rows = query(sql);
            if (rows.isEmpty()) {
                return; // not a WAL table: writes are visible on commit
            }
            JsonArray row = rows.get(0);
            if (Boolean.TRUE.equals(row.getBoolean(2))) {
                throw new StoreUnavailableException("QuestDB table " + table + " is suspended (WAL apply failed)", null);
            }
            if (target < 0) {
                target = row.getLong(0);
            }
            if (row.getLong(1) >= target) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException("QuestDB table " + table + " did not apply txn " + target
                        + " within " + max.toMillis() + " ms (applied " + row.getLong(1) + ")", null);
            }
            sleep(napMs);
            napMs = Math.min(50, napMs * 2);
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for QuestDB WAL apply", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
