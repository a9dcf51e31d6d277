/**
 * Metric curves: a bounded recorder confined to the trainer thread and the immutable histories it
 * hands out.
 */
package org.latentexplorer.model.metrics;
