/**
 * What viewers need from a model: encoding and decoding with a snapshot's weights on a viewer's own
 * thread, and projections of the latent space onto a plane.
 */
package org.latentexplorer.model.explore;
