/**
 * The trained availability model of {@code de.parkleit.prediction} as guidance's forecast: bootstrapped from
 * the store's occupancy history, fed every live state, retrained periodically, with the trend forecast standing in
 * per facility while its history is too short. Pure Java (no Vert.x); the store calls block.
 */
package de.parkleit.prediction.forecast;
