package de.parkleit.platform.http;

import io.vertx.ext.web.Router;

/**
 * A service's HTTP routes, mounted by the app on the one public router. Lets routing (guidance)
 * and dashboard share a port without importing each other. Handlers must not block the event
 * loop: searches and store queries go through {@code executeBlocking} or a named worker pool.
 */
@FunctionalInterface
public interface RouteContributor {
    void mount(Router router);
}
