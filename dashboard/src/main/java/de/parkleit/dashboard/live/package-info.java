/**
 * The facility JSON (with the server's availability level) of the live-state board
 * ({@code core.live.LiveBoard}, fed by {@code platform.live.StateSubscriber}), and its push to
 * browsers over Server-Sent Events.
 */
package de.parkleit.dashboard.live;
