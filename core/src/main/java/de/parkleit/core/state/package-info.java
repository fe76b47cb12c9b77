/** Live state: the current, normalised picture of each facility that every service reads from retained topics. */
package de.parkleit.core.state;
