/**
 * The engine of Latent Explorer: datasets, the VAE family, training, evaluation, model files and
 * the command line. Never depends on JavaFX.
 *
 * <p>Package dependencies point one way: cli -&gt; train, eval -&gt; vae -&gt; nn, and data,
 * metrics, io beside them; explore reads snapshots for viewers.
 */
package org.latentexplorer.model;
