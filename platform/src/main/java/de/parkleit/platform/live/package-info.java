/** The MQTT side of the live-state board: the one subscriber of the retained facility states. */
package de.parkleit.platform.live;
