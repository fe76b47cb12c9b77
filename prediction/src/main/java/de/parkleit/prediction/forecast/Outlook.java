package de.parkleit.prediction.forecast;

import java.time.Instant;

/**
 * A facility's forecast at one time ahead, for clients: expected free spaces with a band that the outcome stays
 * inside with about 80 % probability, and the probability of at least one free space.
 *
 * @param minutes         minutes from now
 * @param arrival         the time the forecast is for
 * @param expectedFree    expected free spaces (rounded down)
 * @param lowFree         10 % quantile of the free spaces
 * @param highFree        90 % quantile of the free spaces
 * @param probabilityFree probability of at least one free space at {@code arrival}
 * @param source          {@code model} or {@code trend} (guidance's {@code Prediction.source()})
 */
public record Outlook(int minutes, Instant arrival, int expectedFree, int lowFree, int highFree, double probabilityFree,
                      String source) {
}
