/**
 * Availability prediction: free spaces of a facility at arrival time (5 minutes to 24 hours ahead) from the
 * weekday x time-of-day profile of recent weeks, scaled by how the last hours compare to it, plus the recent trend,
 * and the probability that at least one space is free, from the distribution of past forecast errors; training,
 * backtest and scores.
 *
 * <p>Also the one reader of the Münster export ({@link de.parkleit.prediction.MuensterHistory}: the export and lots
 * readers, then {@link de.parkleit.prediction.SeriesCleaner} with {@link de.parkleit.prediction.CleaningRules}),
 * used by the backtest, the model's bootstrap and the simulator's occupancy shapes and replay.
 *
 * <p>Entry point for guidance: {@link de.parkleit.prediction.AvailabilityPredictor}. Pure Java (no Vert.x,
 * no I/O inside the model); the Münster readers and {@link de.parkleit.prediction.Backtest} are the only classes
 * that touch files. See {@code docs/prediction.md}.
 */
package de.parkleit.prediction;
