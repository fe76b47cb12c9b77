/** Loading a city folder ({@code city.properties}, facilities, the road network file) from disk. */
package de.parkleit.platform.city;
