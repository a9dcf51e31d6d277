/**
 * Neural-network building blocks: MLPs over flat parameter vectors, fused element-wise kernels, optimisers, and the ND4J backend. Matrix products go to BLAS through ND4J; everything here is confined to the thread that owns the arrays unless a type says otherwise.
 */
package org.latentexplorer.model.nn;
