/**
 * The browser side: static web app (driver map, planner pages), the vendored libraries from
 * WebJars, the map's configuration endpoint and the security headers every response carries.
 */
package de.parkleit.dashboard.web;
