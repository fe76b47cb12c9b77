/**
 * The evaluation: scenarios, control (no guidance) against treatment (guidance at a compliance
 * share) on the same trips, the metrics, and the HTML/SVG/CSV report of the {@code simulate} command.
 */
package de.parkleit.simulator.evaluation;
