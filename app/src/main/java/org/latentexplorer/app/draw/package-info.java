/**
 * Draw your own: a pad at the data set's image size with a soft brush (or an image file opened or
 * dropped on it), and what the model makes of the drawing as it changes: its reconstruction, its
 * ELBO and importance-sampled log p(x), its nearest training images in latent space, and its
 * posterior on the latent scatter. Everything follows the training live.
 */
package org.latentexplorer.app.draw;
