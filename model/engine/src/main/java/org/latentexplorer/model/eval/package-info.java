/**
 * Scoring models on data: ELBO terms, active units, reconstruction error, and the
 * importance-sampled marginal likelihood.
 */
package org.latentexplorer.model.eval;
