/**
 * The learning curves, live: train and test ELBO and its terms (or each family's own terms) against
 * samples seen, on a linear or logarithmic axis, decimated to about one point per pixel column so
 * that the chart stays fast however long the run; the importance-sampled log-likelihood as points
 * when estimated; export as CSV.
 */
package org.latentexplorer.app.curves;
