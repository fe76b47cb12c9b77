/**
 * Operations: operators set a facility closed or reserved with a reason and an end time. The
 * override is published retained on {@code {root}/ops/facility/{id}}, so every dashboard instance,
 * ingest and guidance apply the same thing, and a fresh instance knows it at once.
 */
package de.parkleit.dashboard.operations;
