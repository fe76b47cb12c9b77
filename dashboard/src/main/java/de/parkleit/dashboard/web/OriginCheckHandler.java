package de.parkleit.dashboard.web;

import de.parkleit.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Cross-site request forgery guard for state-changing requests (POST, PUT, PATCH, DELETE): when the
 * browser sends an {@code Origin}, its host must be this server's host or an allowed CORS origin.
 * Together with the SameSite=Strict session cookie this keeps other sites from acting for a user.
 */
public final class OriginCheckHandler implements Handler<RoutingContext> {

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private final List<String> allowed;

    public OriginCheckHandler(List<String> allowedOrigins) {
        this.allowed = List.copyOf(allowedOrigins);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (!UNSAFE.contains(ctx.request().method()) || origin == null || allowed.contains(origin) || sameHost(origin, ctx)) {
            ctx.next();
            return;
        }
        ctx.fail(new ApiException(403, "forbidden", "Forbidden", "requests that change data must come from this site"));
    }

    private static boolean sameHost(String origin, RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            String authority = o.getHost() + (o.getPort() > 0 ? ":" + o.getPort() : "");
            return authority.equalsIgnoreCase(host) || (o.getPort() < 0 && o.getHost() != null && host.equalsIgnoreCase(o.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
