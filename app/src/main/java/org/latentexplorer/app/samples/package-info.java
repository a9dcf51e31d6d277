/**
 * Samples and reconstructions, as in the seed's figures: a grid of decodings of draws from the
 * prior p(z) = N(0, I), and rows of test images above their reconstructions. The draws stay the
 * same until "New samples", so one can watch the same points of latent space sharpen as the model
 * trains.
 */
package org.latentexplorer.app.samples;
