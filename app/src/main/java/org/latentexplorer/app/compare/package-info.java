/**
 * Two or more models side by side on the same test set: the current run and model files, each with
 * its latent scatter, manifold, prior samples and reconstructions, test reconstruction error, and
 * where defined the test ELBO and the importance-sampled log-likelihood, so that a VAE, an AAE and
 * a WAE can be compared in a few clicks. Each model is evaluated once, in the background, by its
 * own throw-away trainer and codec.
 */
package org.latentexplorer.app.compare;
