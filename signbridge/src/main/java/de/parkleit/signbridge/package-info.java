/**
 * The sign bridge, free of Vert.x: the {@link de.parkleit.signbridge.SignDriver} port and its drivers
 * ({@code log}, {@code http-json}, {@code iris-msgfeed}, {@code datex2-vms}), the per-sign
 * {@link de.parkleit.signbridge.SignLink} that decides what a sign is sent (the decided frame or its
 * safe text, at most one change per minimum interval), and the configuration read from the city's
 * {@code signs.geojson} and the environment.
 */
package de.parkleit.signbridge;
