/** The one live-state board (facilities, states, operator overrides, availability level) every service reads. */
package de.parkleit.core.live;
