package org.latentexplorer.app.curves;

import org.latentexplorer.model.metrics.Metric;

/**
 * One curve as the chart draws it: decimated points, x already on the chart's scale (log10 of
 * samples seen on a log axis). Immutable by convention.
 *
 * @param markers draw each point as a marker (for the sparse importance-sampled estimates)
 */
public record CurveLine(Metric metric, Decimation.Points points, boolean markers) {}
