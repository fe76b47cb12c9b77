/**
 * Replay of the real Münster exports over MQTT with time compression, mapped onto a city's
 * facilities and detectors by a mapping file: occupancy as read and cleaned by prediction's
 * {@code MuensterHistory} (the one reader and set of cleaning rules), hourly detector counts.
 */
package de.parkleit.simulator.replay;
