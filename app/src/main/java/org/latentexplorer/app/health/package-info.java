/**
 * Latent health: which latent dimensions the model uses. The KL of each dimension as sorted bars,
 * adding up to the KL on the curves; the active units; and a warning when dimensions die, as they
 * do when the KL term wins (a large beta), up to posterior collapse, where q(z|x) is the prior for
 * every image and the decoder ignores z.
 */
package org.latentexplorer.app.health;
