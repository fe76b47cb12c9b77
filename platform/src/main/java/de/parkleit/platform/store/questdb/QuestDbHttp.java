package de.parkleit.platform.store.questdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.parkleit.platform.store.StoreRejectedException;
import de.parkleit.platform.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
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
 * SQL over QuestDB's HTTP {@code /exec} endpoint (result rows streamed out of the JSON), and the
 * read-your-writes barrier for WAL tables.
 *
 * <p>WAL tables apply committed writes asynchronously: an ILP request is acknowledged once its
 * transaction is in the table's sequencer, a query sees it once the WAL apply job has moved the
 * table's {@code writerTxn} up to that sequencer txn. {@link #awaitVisible} reads
 * {@code sequencerTxn} from {@code wal_tables()} and polls (1 ms, doubling to 50 ms) until
 * {@code writerTxn} reaches it, so a query sees every write acknowledged before the query started.
 * Without new writes the barrier costs one small query.
 */
final class QuestDbHttp {

    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    QuestDbHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Runs one statement and returns the rows of its dataset (empty for DDL): String, Long, Double, Boolean or null. */
    List<Object[]> query(String sql) {
        URI uri = URI.create(baseUrl + "/exec?nm=true&count=false&query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = res.body()) {
                if (res.statusCode() != 200) {
                    String body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                    String msg = "QuestDB rejected SQL (HTTP " + res.statusCode() + "): " + body;
                    throw res.statusCode() >= 500 ? new StoreUnavailableException(msg, null) : new StoreRejectedException(msg, null);
                }
                return rows(in);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("QuestDB at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while querying QuestDB", e);
        }
    }

    void exec(String sql) {
        query(sql);
    }

    private static List<Object[]> rows(InputStream in) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new StoreUnavailableException("QuestDB answered without a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("dataset".equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        rows.add(row(p));
                    }
                } else if ("error".equals(field)) {
                    throw new StoreRejectedException("QuestDB rejected SQL: " + p.getValueAsString(), null);
                } else {
                    p.skipChildren();
                }
            }
        }
        return rows;
    }

    private static Object[] row(JsonParser p) throws IOException {
        List<Object> values = new ArrayList<>(8);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            values.add(switch (t) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> {
                    p.skipChildren();
                    yield null;
                }
            });
        }
        return values.toArray();
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
            List<Object[]> rows = query(sql);
            if (rows.isEmpty()) {
                return -1; // not a WAL table: writes are visible on commit
            }
            Object[] row = rows.get(0);
            if (Boolean.TRUE.equals(row[2])) {
                throw new StoreUnavailableException("QuestDB table " + table + " is suspended (WAL apply failed)", null);
            }
            target = target < 0 ? (Long) row[0] : target;
            if ((Long) row[1] >= target) {
                return target;
            }
            pause(deadline, napMs, table + " did not apply txn " + target + " within " + max.toMillis() + " ms");
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
}
