/**
 * Failures put into words: the one line a person reads when something went wrong, never a stack
 * trace. The lowest layer of the engine, so that every layer above it, the command line and the app
 * describe failures the same way.
 */
package org.latentexplorer.model.failure;
