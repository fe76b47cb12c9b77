package de.parkleit.dashboard.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds the security headers to every response: a Content-Security-Policy without inline scripts
 * (images may come from the tile server), no sniffing, no framing, no referrer to other sites.
 */
public final class SecurityHeadersHandler implements Handler<RoutingContext> {

    private final String csp;

    /** @param tileSource CSP source of the tile server, or null without tiles */
    public SecurityHeadersHandler(String tileSource) {
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (tileSource == null ? "" : " " + tileSource)
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    public String policy() {
        return csp;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set("Content-Security-Policy", csp);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "same-origin");
        ctx.next();
    }
}
