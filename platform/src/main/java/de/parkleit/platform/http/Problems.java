package de.parkleit.platform.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure at the HTTP edge to RFC 9457 problem JSON ({@code application/problem+json}). */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final String TYPE_BASE = "https://parkleit.de/problems/";

    private Problems() {
    }

    /** Installs the failure handler and a problem-JSON 404 for unmatched routes under {@code /api/}. */
    public static void install(Router router) {
        router.route().failureHandler(Problems::handleFailure);
    }

    public static void handleFailure(RoutingContext ctx) {
        Throwable f = ctx.failure();
        if (f instanceof ApiException a) {
            send(ctx, a.status(), a.type(), a.title(), a.detail());
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (f != null && status == 500) {
            LOG.error("unhandled error on {} {}", ctx.request().method(), ctx.request().path(), f);
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Internal error" : "Error";
        };
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        send(ctx, status, slug, title, status >= 500 ? "the server could not answer this request" : title);
    }

    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.headWritten()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        r.setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }
}
