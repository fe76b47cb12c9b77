/** Loading a city folder (facilities, road network, settings) from disk. */
package de.parkleit.platform.city;
