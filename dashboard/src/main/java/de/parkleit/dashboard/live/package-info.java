/**
 * The live view of every facility, fed by the retained state topics, and its push to browsers
 * over Server-Sent Events.
 */
package de.parkleit.dashboard.live;
