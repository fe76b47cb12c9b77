/**
 * Running the trained model against the store: the forecast settings ({@code PARKLEIT_FORECAST*}), a training run
 * on the store's occupancy history ({@link de.parkleit.prediction.forecast.ForecastTraining}, reading it through
 * {@link de.parkleit.prediction.forecast.StoreHistory}) and the {@link de.parkleit.prediction.forecast.Outlook}
 * records the forecast API answers with. Pure Java (no Vert.x); the store calls block. Guidance plugs the result in
 * through {@code guidance.forecast.ModelForecast}.
 */
package de.parkleit.prediction.forecast;
