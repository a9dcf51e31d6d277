/**
 * The autoencoder families and their objectives: the VAE's reparameterised diagonal and
 * full-covariance Gaussian posteriors with the ELBO, the adversarial autoencoder, and the
 * Wasserstein autoencoder with the MMD penalty.
 */
package org.latentexplorer.model.vae;
