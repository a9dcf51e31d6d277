/**
 * Interpolation: a walk through latent space between the codes of two images, decoded as a strip,
 * along a straight line or a great circle, with a handle that shows any point of the path large. A
 * smooth strip is the decoder's continuity made visible; a strip through a blurred middle shows
 * where the aggregate posterior leaves the prior empty.
 */
package org.latentexplorer.app.interpolate;
