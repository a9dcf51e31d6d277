/**
 * Neural-network building blocks: MLPs over flat parameter vectors, the element-wise kernels (fused
 * Java loops over slices of native buffers, and ND4J's own ops as their reference), the optimisers'
 * update rules, and the ND4J backend. Matrix products go to BLAS; everything here is confined to
 * the thread that owns the arrays unless a type says otherwise.
 */
package org.latentexplorer.model.nn;
