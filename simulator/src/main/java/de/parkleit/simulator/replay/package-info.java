/**
 * Replay of the real Münster exports (occupancy with bes/ges/kei, hourly detector counts) over
 * MQTT with time compression, mapped onto a city's facilities and detectors by a mapping file.
 */
package de.parkleit.simulator.replay;
