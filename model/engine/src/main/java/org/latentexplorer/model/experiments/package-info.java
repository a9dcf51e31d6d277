/**
 * Experiments built from training and evaluation: several runs on the same data and budget, one
 * setting varied, scored on the same test set ({@link org.latentexplorer.model.experiments.Sweep}).
 * The top layer of the engine: it uses {@code train} and {@code eval}, and nothing below depends on
 * it.
 */
package org.latentexplorer.model.experiments;
