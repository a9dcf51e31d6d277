/**
 * Training runs: the AEVB trainer and its divergence guard, the session that runs it on its own
 * thread, and the immutable snapshots it publishes to everyone else.
 */
package org.latentexplorer.model.train;
