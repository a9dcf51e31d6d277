/**
 * The latent scatter: posterior means of the test images, coloured by label with a legend; hover
 * shows an image, a click shows it beside its reconstruction and draws its posterior's 1-sigma
 * ellipse (tilted for a full-covariance posterior). Latent sizes above two are projected on the
 * plane of the top two principal directions. Other views put their own marks on it as overlays (the
 * Draw tab's drawing with its posterior), projected on the same plane. Encoding runs on the render
 * worker, throttled while training.
 */
package org.latentexplorer.app.scatter;
