package de.parkleit.dashboard.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /api/v1/openapi.json}. The document is read once from the classpath
 * ({@code openapi/parkleit.json}) and intersected with the router's routes on first use.
 */
public final class OpenApiHandler {

    public static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "openapi/parkleit.json";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiHandler.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Vertx vertx;
    private Router router;
    private JsonObject served;

    public OpenApiHandler(Vertx vertx) {
        this.vertx = vertx;
    }

    public void mount(Router router) {
        this.router = router;
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (served != null) {
            send(ctx);
            return;
        }
        vertx.fileSystem().readFile(RESOURCE).onSuccess(buf -> {
            JsonObject full = new JsonObject(buf);
            Set<String> real = routesOf(router);
            served = narrow(full, real);
            Set<String> missing = new TreeSet<>(real);
            missing.removeAll(operations(full));
            if (!missing.isEmpty()) {
                LOG.warn("routes not described in the OpenAPI document: {}", missing);
            }
            send(ctx);
        }).onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(served.encode());
    }

    /**
     * {@code "GET /api/v1/facilities/{id}"} for every API route (under {@code /api/}, {@code /health/},
     * {@code /metrics}) with a fixed path and method(s); prefix routes such as static files are not API.
     */
    public static Set<String> routesOf(Router router) {
        Set<String> out = new TreeSet<>();
        for (Route r : router.getRoutes()) {
            String path = r.getPath();
            Set<HttpMethod> methods = r.methods();
            boolean api = path != null && (path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics"));
            if (!api || path.endsWith("/") || path.endsWith("*") || methods == null || methods.isEmpty()) {
                continue;
            }
            String p = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            for (HttpMethod m : methods) {
                out.add(m.name().toUpperCase(Locale.ROOT) + " " + p);
            }
        }
        return out;
    }

    /** The operations a document describes, as {@code "GET /path"}. */
    public static Set<String> operations(JsonObject doc) {
        Set<String> out = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths", new JsonObject());
        for (String p : paths.fieldNames()) {
            for (String m : paths.getJsonObject(p).fieldNames()) {
                if (METHODS.contains(m)) {
                    out.add(m.toUpperCase(Locale.ROOT) + " " + p);
                }
            }
        }
        return out;
    }

    /** A copy of {@code full} with only the operations in {@code real}. */
    static JsonObject narrow(JsonObject full, Set<String> real) {
        JsonObject doc = full.copy();
        JsonObject paths = doc.getJsonObject("paths");
        for (String p : Set.copyOf(paths.fieldNames())) {
            JsonObject item = paths.getJsonObject(p);
            for (String m : Set.copyOf(item.fieldNames())) {
                if (METHODS.contains(m) && !real.contains(m.toUpperCase(Locale.ROOT) + " " + p)) {
                    item.remove(m);
                }
            }
            if (item.fieldNames().stream().noneMatch(METHODS::contains)) {
                paths.remove(p);
            }
        }
        return doc;
    }

    /** Routes on the router that the document does not describe (empty when all are documented). */
    public Future<Set<String>> undocumented() {
        return vertx.fileSystem().readFile(RESOURCE).map(buf -> {
            Set<String> missing = new TreeSet<>(routesOf(router));
            missing.removeAll(operations(new JsonObject(buf)));
            return missing;
        });
    }
}
