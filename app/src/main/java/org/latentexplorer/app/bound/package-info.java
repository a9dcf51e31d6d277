/**
 * How tight the bound is: the importance-sampled estimate of log p(x) against the number of samples
 * L, from L = 1 (the ELBO in expectation) to thousands, with its standard error. The curve rises
 * and levels off at log p(x); its rise is the gap log p(x) - ELBO, the average KL(q(z|x) || p(z|x))
 * between the encoder's posterior and the true one.
 */
package org.latentexplorer.app.bound;
