/** The public read API of facilities with their live state. */
package de.parkleit.dashboard.facilities;
