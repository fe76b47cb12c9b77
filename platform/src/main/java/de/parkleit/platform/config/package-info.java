/**
 * Configuration from the environment: typed, validated, with errors that name the variable; {@code SharedSettings}
 * (topic root, stale-after, zone, instance id) is built once in {@code app} and passed to every service.
 */
package de.parkleit.platform.config;
