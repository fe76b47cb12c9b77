/**
 * Guidance's arrival forecast backed by prediction's trained model ({@code ModelForecast}), with the live trend
 * standing in per facility while the model cannot forecast it. Pure Java, no Vert.x.
 */
package de.parkleit.guidance.forecast;
