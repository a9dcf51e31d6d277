/**
 * The learned manifold: decoded images on a grid over a plane of latent space (the AEVB paper's
 * figure), with sliders for the plane's ranges and the grid size, a cursor whose decoding is shown
 * large, and for latent sizes above two a choice of plane (two latent dimensions, or the top two
 * principal directions of the encoded test set) and one slider per remaining dimension, ordered by
 * KL so that the active dimensions come first. Frames are decoded on the render worker.
 */
package org.latentexplorer.app.manifold;
