/**
 * Variable message signs: the city's sign file, the arrow for each facility from the route that
 * leaves the sign in its heading (turn at the first decision point), full/almost-full levels
 * with DATEX II style rising/falling thresholds, and the frames each sign shows ({@code SignBoard}, reading states
 * and overrides from the live-state board; {@code SignPacer} limits how often a sign changes). Pure Java: the
 * MQTT publishing lives in {@code de.parkleit.guidance.service}.
 */
package de.parkleit.guidance.signs;
