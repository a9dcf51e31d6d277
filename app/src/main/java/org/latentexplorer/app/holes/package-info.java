/**
 * Prior holes: the aggregate posterior q(z) of the test images beside the prior p(z) on the same
 * plane, and the regions the prior fills that no image's code uses. Decoding a prior sample there
 * gives an image unlike any in the data, which is why samples from a VAE can look worse than its
 * reconstructions. The same map can lie over the manifold's tiles.
 */
package org.latentexplorer.app.holes;
