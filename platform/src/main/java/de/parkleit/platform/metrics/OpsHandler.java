package de.parkleit.platform.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Serves {@code /health/live}, {@code /health/ready} and Prometheus {@code /metrics}. */
public final class OpsHandler {

    private final Health health;
    private final PrometheusMeterRegistry registry;

    public OpsHandler(Health health, PrometheusMeterRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "UP").encode()));
        router.get("/health/ready").handler(this::ready);
        router.get("/metrics").handler(ctx -> ctx.vertx()
                .executeBlocking(registry::scrape, false)
                .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text))
                .onFailure(ctx::fail));
    }

    private void ready(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> Map.entry(health.evaluate(), health.details()), false).onSuccess(both -> {
            Map<String, String> results = both.getKey();
            JsonObject checks = new JsonObject();
            boolean up = true;
            for (Map.Entry<String, String> e : results.entrySet()) {
                checks.put(e.getKey(), e.getValue() == null ? "UP" : "DOWN: " + e.getValue());
                up &= e.getValue() == null;
            }
            JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks);
            if (!both.getValue().isEmpty()) {
                JsonObject details = new JsonObject();
                both.getValue().forEach((k, v) -> details.put(k, new JsonObject(new java.util.LinkedHashMap<>(v))));
                body.put("details", details);
            }
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json").end(body.encode());
        }).onFailure(ctx::fail);
    }
}
