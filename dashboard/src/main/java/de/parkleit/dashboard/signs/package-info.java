/**
 * The signs layer: what each variable message sign shows, from the retained {@code signs/{id}}
 * topics, with positions from the payload or the city's {@code signs.geojson}, and an audit log
 * of every change this instance saw.
 */
package de.parkleit.dashboard.signs;
