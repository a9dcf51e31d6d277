/**
 * Experiments built from training and evaluation: several runs on the same data and budget, scored
 * on the same test set ({@link org.latentexplorer.model.experiments.FamilyComparison}). The top
 * layer of the engine: it uses {@code train} and {@code eval}, and nothing below depends on it.
 */
package org.latentexplorer.model.experiments;
