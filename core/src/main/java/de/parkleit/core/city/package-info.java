/** A city: its facilities and the location of its road network; parsed from the files of a city folder. */
package de.parkleit.core.city;
